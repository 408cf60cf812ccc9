namespace FuncCloud.Agent.Compute.Fake;

/// <summary>
/// What a Fake guest is doing: the rates its counters advance at while it runs. The default comes from
/// <see cref="FakeDriverOptions.Load"/>; <see cref="FakeComputeDriver.SetLoad"/> changes one guest's at run time
/// (a test "tells the server to report high CPU").
/// </summary>
public sealed record FakeLoad
{
    /// <summary>CPU utilisation per vCPU, 0-100: cpu time advances by this share of every vCPU-second.</summary>
    public double CpuPercent { get; init; } = 5;

    /// <summary>Share of the flavor's RAM the guest uses, 0-100 (<c>memory.usage</c>).</summary>
    public double MemoryUsagePercent { get; init; } = 40;

    /// <summary>Bytes read per second from the root disk (requests are 4 KiB each).</summary>
    public double DiskReadBytesPerSecond { get; init; } = 4096;

    /// <summary>Bytes written per second to the root disk.</summary>
    public double DiskWriteBytesPerSecond { get; init; } = 8192;

    /// <summary>Bytes per second received on each port (packets are 1,000 bytes each).</summary>
    public double NetworkIncomingBytesPerSecond { get; init; } = 2000;

    /// <summary>Bytes per second sent on each port.</summary>
    public double NetworkOutgoingBytesPerSecond { get; init; } = 1000;
}
