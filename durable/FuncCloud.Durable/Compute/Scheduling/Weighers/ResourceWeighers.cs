using Microsoft.Extensions.Options;

namespace FuncCloud.Durable.Compute.Scheduling.Weighers;

/// <summary>Prefers the host with the most free RAM (spread) for a positive multiplier (nova's RAMWeigher).</summary>
public sealed class RamWeigher(IOptions<SchedulerOptions> options) : IHostWeigher
{
    public double Multiplier => options.Value.RamWeightMultiplier;

    public double Weigh(HostState host, RequestSpec spec) => host.Free.MemoryMb;
}

/// <summary>Prefers the host with the most free vCPUs (nova's CPUWeigher).</summary>
public sealed class CpuWeigher(IOptions<SchedulerOptions> options) : IHostWeigher
{
    public double Multiplier => options.Value.CpuWeightMultiplier;

    public double Weigh(HostState host, RequestSpec spec) => host.Free.Vcpus;
}

/// <summary>Prefers the host with the most free disk (nova's DiskWeigher).</summary>
public sealed class DiskWeigher(IOptions<SchedulerOptions> options) : IHostWeigher
{
    public double Multiplier => options.Value.DiskWeightMultiplier;

    public double Weigh(HostState host, RequestSpec spec) => host.Free.DiskGb;
}
