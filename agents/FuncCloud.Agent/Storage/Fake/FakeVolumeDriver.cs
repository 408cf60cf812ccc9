using System.Collections.Concurrent;

namespace FuncCloud.Agent.Storage.Fake;

/// <summary>
/// A volume backend that keeps state only (sizes, snapshots, exports) for scale simulation and the dev
/// loop; it keeps the same contract as the File driver (the conformance tests run on both).
/// </summary>
public sealed class FakeVolumeDriver(long capacityGb = 1000) : IVolumeDriver
{
    private const long Gib = 1L << 30;
    private readonly ConcurrentDictionary<string, long> _volumes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _snapshots = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, VolumeConnection> _exports = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public string Name => "fake";

    /// <summary>The exported volume ids (for tests: nothing may be left after a delete).</summary>
    public IReadOnlyCollection<string> Exports => [.. _exports.Keys];

    /// <inheritdoc />
    public Task<VolumePoolStats> GetStatsAsync(CancellationToken cancellationToken)
    {
        var provisioned = (_volumes.Values.Sum() + _snapshots.Values.Sum()) / Gib;
        return Task.FromResult(new VolumePoolStats("fake", capacityGb, Math.Max(0, capacityGb - provisioned), provisioned, true));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListVolumesAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<string>>([.. _volumes.Keys]);

    /// <inheritdoc />
    public Task<long> GetVolumeSizeBytesAsync(string volumeId, CancellationToken cancellationToken) =>
        Task.FromResult(_volumes.TryGetValue(volumeId, out var size) ? size : throw new VolumeNotFoundOnBackendException(volumeId));

    /// <inheritdoc />
    public Task CreateVolumeAsync(string volumeId, int sizeGb, VolumeFormat format, CancellationToken cancellationToken) => Create(volumeId, sizeGb);

    /// <inheritdoc />
    public Task CreateVolumeFromSnapshotAsync(string volumeId, string snapshotId, int sizeGb, VolumeFormat format, CancellationToken cancellationToken) =>
        _snapshots.TryGetValue(snapshotId, out var size) ? Create(volumeId, Math.Max(sizeGb, (int)(size / Gib))) : throw new VolumeNotFoundOnBackendException(snapshotId);

    /// <inheritdoc />
    public Task CloneVolumeAsync(string volumeId, string sourceVolumeId, int sizeGb, VolumeFormat format, CancellationToken cancellationToken) =>
        _volumes.TryGetValue(sourceVolumeId, out var size) ? Create(volumeId, Math.Max(sizeGb, (int)(size / Gib))) : throw new VolumeNotFoundOnBackendException(sourceVolumeId);

    /// <inheritdoc />
    public Task ImportImageAsync(string volumeId, string imagePath, string imageFormat, int sizeGb, VolumeFormat format, CancellationToken cancellationToken) =>
        System.IO.File.Exists(imagePath) ? Create(volumeId, sizeGb) : throw new VolumeDriverException($"Image file {imagePath} does not exist.");

    /// <inheritdoc />
    public Task ExtendVolumeAsync(string volumeId, int newSizeGb, CancellationToken cancellationToken)
    {
        if (!_volumes.ContainsKey(volumeId))
        {
            throw new VolumeNotFoundOnBackendException(volumeId);
        }

        _volumes[volumeId] = newSizeGb * Gib;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task DeleteVolumeAsync(string volumeId, CancellationToken cancellationToken)
    {
        _exports.TryRemove(volumeId, out _);
        _volumes.TryRemove(volumeId, out _);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task CreateSnapshotAsync(string snapshotId, string volumeId, CancellationToken cancellationToken)
    {
        _snapshots[snapshotId] = _volumes.TryGetValue(volumeId, out var size) ? size : throw new VolumeNotFoundOnBackendException(volumeId);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task DeleteSnapshotAsync(string snapshotId, CancellationToken cancellationToken)
    {
        _snapshots.TryRemove(snapshotId, out _);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<VolumeConnection> ExportAsync(string volumeId, VolumeConnector connector, CancellationToken cancellationToken)
    {
        if (!_volumes.ContainsKey(volumeId))
        {
            throw new VolumeNotFoundOnBackendException(volumeId);
        }

        var connection = connector.SameNode
            ? new VolumeConnection("file", $"/fake/volumes/{volumeId}", null, null, null, "raw")
            : new VolumeConnection("iscsi", null, "127.0.0.1:3260", $"iqn.2026-12.cloud.funccloud.fake:{volumeId}", 1, "raw");
        _exports[volumeId] = connection;
        return Task.FromResult(connection);
    }

    /// <inheritdoc />
    public Task UnexportAsync(string volumeId, CancellationToken cancellationToken)
    {
        _exports.TryRemove(volumeId, out _);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    /// <remarks>Synthetic bytes: a first block naming the volume, zeros after it (a thin volume with a little data).</remarks>
    public Task<Stream> OpenRawAsync(string id, bool snapshot, CancellationToken cancellationToken) =>
        (snapshot ? _snapshots : _volumes).TryGetValue(id, out var size)
            ? Task.FromResult<Stream>(new SyntheticVolumeStream(id, size))
            : throw new VolumeNotFoundOnBackendException(id);

    /// <inheritdoc />
    /// <remarks>The bytes are written to a stream that discards them; the volume keeps its size.</remarks>
    public async Task RestoreRawAsync(string volumeId, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        if (!_volumes.TryGetValue(volumeId, out var size))
        {
            throw new VolumeNotFoundOnBackendException(volumeId);
        }

        await using var sink = new DiscardingStream(size);
        await write(sink, cancellationToken);
    }

    private Task Create(string volumeId, int sizeGb)
    {
        if (_volumes.TryGetValue(volumeId, out var existing) && existing != sizeGb * Gib)
        {
            throw new VolumeDriverException($"Volume {volumeId} already exists with another size.");
        }

        _volumes[volumeId] = sizeGb * Gib;
        return Task.CompletedTask;
    }
}
