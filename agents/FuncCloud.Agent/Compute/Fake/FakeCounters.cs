namespace FuncCloud.Agent.Compute.Fake;

/// <summary>
/// A Fake guest's cumulative counters, advanced lazily: each read or load change first accrues the time since the
/// last one at the current load (only while the guest runs), so cpu time grows as a real guest's would.
/// Mutated only under the driver's lock; not persisted (a restarted agent's guests start counting from zero,
/// as a restarted domain's counters do).
/// </summary>
internal sealed class FakeCounters(FakeLoad load, DateTimeOffset now)
{
    public const int RequestBytes = 4096;
    public const int PacketBytes = 1000;

    public FakeLoad Load { get; private set; } = load;

    public double CpuTimeNs { get; private set; }

    public double DiskReadBytes { get; private set; }

    public double DiskWriteBytes { get; private set; }

    public double NetworkIncomingBytes { get; private set; }

    public double NetworkOutgoingBytes { get; private set; }

    private DateTimeOffset _countedAt = now;

    /// <summary>Accrues up to <paramref name="now"/>; <paramref name="running"/> says whether the guest ran meanwhile.</summary>
    public void Advance(DateTimeOffset now, bool running, int vcpus)
    {
        var seconds = Math.Max(0, (now - _countedAt).TotalSeconds);
        _countedAt = now;
        if (!running)
        {
            return;
        }

        CpuTimeNs += Load.CpuPercent / 100 * vcpus * seconds * 1e9;
        DiskReadBytes += Load.DiskReadBytesPerSecond * seconds;
        DiskWriteBytes += Load.DiskWriteBytesPerSecond * seconds;
        NetworkIncomingBytes += Load.NetworkIncomingBytesPerSecond * seconds;
        NetworkOutgoingBytes += Load.NetworkOutgoingBytesPerSecond * seconds;
    }

    /// <summary>Changes the load from <paramref name="now"/> on (the time before is accrued at the old one).</summary>
    public void Change(FakeLoad load, DateTimeOffset now, bool running, int vcpus)
    {
        Advance(now, running, vcpus);
        Load = load;
    }
}
