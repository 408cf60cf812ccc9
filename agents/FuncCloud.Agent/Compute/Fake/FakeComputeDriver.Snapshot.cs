namespace FuncCloud.Agent.Compute.Fake;

// Snapshots: generated raw disks (FakeSnapshotContent). An injected failure strikes half-way through the
// data, so the caller sees what a real disk read error looks like: a partial stream, then the exception.
public sealed partial class FakeComputeDriver
{
    public async Task SnapshotAsync(string serverId, Stream destination, CancellationToken cancellationToken)
    {
        var (call, fail, latency) = _faults.Next(FakeOperation.Snapshot);
        long length;
        lock (_gate)
        {
            length = FakeSnapshotContent.Length(Find(serverId).Flavor, _options.SnapshotMaxBytes);
        }

        await DelayAsync(latency, cancellationToken);
        await FakeSnapshotContent.WriteAsync(destination, serverId, length, cancellationToken, offset => fail && offset >= length / 2);
        if (fail)
        {
            throw new FakeInjectedFailureException(serverId, FakeOperation.Snapshot, call);
        }

        lock (_gate)
        {
            Find(serverId); // a guest destroyed meanwhile has no consistent snapshot
        }
    }
}
