using System.Globalization;

namespace FuncCloud.Durable.Compute.Scheduling.Filters;

/// <summary>Enough free RAM after allocation ratio and reservations (nova's RamFilter, placement's MEMORY_MB).</summary>
public sealed class RamFilter : IHostFilter
{
    public string Name => nameof(RamFilter);

    public string? Reject(HostState host, RequestSpec spec) =>
        host.Free.MemoryMb >= spec.Resources.MemoryMb ? null : $"{host.Name} has {host.Free.MemoryMb} MB free";

    public string Summarize(IReadOnlyList<(HostState Host, string Reason)> rejected, RequestSpec spec) =>
        string.Create(CultureInfo.InvariantCulture, $"needs {spec.Resources.MemoryMb} MB, best host has {rejected.Max(r => r.Host.Free.MemoryMb)} MB free");
}

/// <summary>Enough free vCPUs after allocation ratio (nova's CoreFilter, placement's VCPU).</summary>
public sealed class CoreFilter : IHostFilter
{
    public string Name => nameof(CoreFilter);

    public string? Reject(HostState host, RequestSpec spec) =>
        host.Free.Vcpus >= spec.Resources.Vcpus ? null : $"{host.Name} has {host.Free.Vcpus} VCPU free";

    public string Summarize(IReadOnlyList<(HostState Host, string Reason)> rejected, RequestSpec spec) =>
        string.Create(CultureInfo.InvariantCulture, $"needs {spec.Resources.Vcpus} VCPU, best host has {rejected.Max(r => r.Host.Free.Vcpus)} free");
}

/// <summary>Enough free local disk (nova's DiskFilter, placement's DISK_GB).</summary>
public sealed class DiskFilter : IHostFilter
{
    public string Name => nameof(DiskFilter);

    public string? Reject(HostState host, RequestSpec spec) =>
        host.Free.DiskGb >= spec.Resources.DiskGb ? null : $"{host.Name} has {host.Free.DiskGb} GB disk free";

    public string Summarize(IReadOnlyList<(HostState Host, string Reason)> rejected, RequestSpec spec) =>
        string.Create(CultureInfo.InvariantCulture, $"needs {spec.Resources.DiskGb} GB disk, best host has {rejected.Max(r => r.Host.Free.DiskGb)} GB free");
}
