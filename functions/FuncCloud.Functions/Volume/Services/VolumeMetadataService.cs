using System.Text.Json.Nodes;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.Volume.Api;
using FuncCloud.Shared.Volume.Snapshots;
using FuncCloud.Shared.Volume.Volumes;

namespace FuncCloud.Functions.Volume.Services;

/// <summary>
/// cinder's metadata resources: <c>/volumes/{id}/metadata[/{key}]</c> and the per-key
/// <c>/snapshots/{id}/metadata/{key}</c> (the snapshot's whole-map calls are <see cref="SnapshotService"/>'s).
/// Merges and replaces are one compare-and-swap on the record, so concurrent key updates never lose one.
/// </summary>
public sealed class VolumeMetadataService(VolumeRepository volumes, SnapshotRepository snapshots, VolumeAccess access, TimeProvider clock)
{
    /// <summary><c>GET /volumes/{id}/metadata</c>: the user metadata (the read-only flag is not part of it).</summary>
    public async Task<IReadOnlyDictionary<string, string>> GetAsync(VolumeCall call, string id, CancellationToken cancellationToken) =>
        (await access.VolumeAsync(call, id, VolumePolicies.Get, cancellationToken)).Metadata;

    /// <summary><c>POST</c> (merge) or <c>PUT</c> (<paramref name="replace"/>) <c>/volumes/{id}/metadata</c>: the resulting map.</summary>
    public async Task<IReadOnlyDictionary<string, string>> SetAsync(VolumeCall call, string id, JsonObject body, bool replace, CancellationToken cancellationToken)
    {
        var metadata = RequireMap(body, "metadata");
        var volume = await access.VolumeAsync(call, id, VolumePolicies.Update, cancellationToken);
        var updated = await volumes.UpdateAsync(volume.ProjectId, id, v => v with
        {
            Metadata = replace ? metadata : Merge(v.Metadata, metadata),
            UpdatedAt = clock.GetUtcNow(),
        }, cancellationToken) ?? throw VolumeResourceNotFoundException.Volume(id);
        return updated.Metadata;
    }

    /// <summary><c>GET /volumes/{id}/metadata/{key}</c>: <c>{key: value}</c>.</summary>
    public async Task<KeyValuePair<string, string>> GetItemAsync(VolumeCall call, string id, string key, CancellationToken cancellationToken)
    {
        var volume = await access.VolumeAsync(call, id, VolumePolicies.Get, cancellationToken);
        return volume.Metadata.TryGetValue(key, out var value) ? new(key, value) : throw MetadataNotFound("Volume", id, key);
    }

    /// <summary><c>PUT /volumes/{id}/metadata/{key}</c> with <c>{"meta": {key: value}}</c>: sets that one key.</summary>
    public async Task<KeyValuePair<string, string>> SetItemAsync(VolumeCall call, string id, string key, JsonObject body, CancellationToken cancellationToken)
    {
        var item = RequireItem(body, key);
        var volume = await access.VolumeAsync(call, id, VolumePolicies.Update, cancellationToken);
        _ = await volumes.UpdateAsync(volume.ProjectId, id, v => v with { Metadata = Merge(v.Metadata, item), UpdatedAt = clock.GetUtcNow() }, cancellationToken)
            ?? throw VolumeResourceNotFoundException.Volume(id);
        return item.Single();
    }

    /// <summary><c>DELETE /volumes/{id}/metadata/{key}</c>: 404 when the key is not there.</summary>
    public async Task DeleteItemAsync(VolumeCall call, string id, string key, CancellationToken cancellationToken)
    {
        var volume = await access.VolumeAsync(call, id, VolumePolicies.Update, cancellationToken);
        _ = await volumes.UpdateAsync(volume.ProjectId, id, v => v.Metadata.ContainsKey(key)
            ? v with { Metadata = v.Metadata.Where(p => p.Key != key).ToDictionary(StringComparer.Ordinal), UpdatedAt = clock.GetUtcNow() }
            : throw MetadataNotFound("Volume", id, key), cancellationToken) ?? throw VolumeResourceNotFoundException.Volume(id);
    }

    /// <summary><c>GET /snapshots/{id}/metadata/{key}</c>.</summary>
    public async Task<KeyValuePair<string, string>> GetSnapshotItemAsync(VolumeCall call, string id, string key, CancellationToken cancellationToken)
    {
        var snapshot = await access.SnapshotAsync(call, id, VolumePolicies.GetSnapshot, cancellationToken);
        return snapshot.Metadata.TryGetValue(key, out var value) ? new(key, value) : throw MetadataNotFound("Snapshot", id, key);
    }

    /// <summary><c>PUT /snapshots/{id}/metadata/{key}</c> with <c>{"meta": {key: value}}</c>.</summary>
    public async Task<KeyValuePair<string, string>> SetSnapshotItemAsync(VolumeCall call, string id, string key, JsonObject body, CancellationToken cancellationToken)
    {
        var item = RequireItem(body, key);
        var snapshot = await access.SnapshotAsync(call, id, VolumePolicies.UpdateSnapshot, cancellationToken);
        _ = await snapshots.UpdateAsync(snapshot.ProjectId, id, s => s with { Metadata = Merge(s.Metadata, item), UpdatedAt = clock.GetUtcNow() }, cancellationToken)
            ?? throw VolumeResourceNotFoundException.Snapshot(id);
        return item.Single();
    }

    private static VolumeMetadataNotFoundException MetadataNotFound(string resource, string id, string key) => new(resource, id, key);

    private static Dictionary<string, string> RequireMap(JsonObject body, string name) =>
        VolumeRequests.OptionalMetadata(body, name) ?? throw new BadRequestException($"Missing required element '{name}' in request body.");

    /// <summary>The one-key <c>meta</c> object of a per-key update, checked against the URL's key as cinder does.</summary>
    private static Dictionary<string, string> RequireItem(JsonObject body, string key)
    {
        var item = RequireMap(body, "meta");
        if (!item.ContainsKey(key))
        {
            throw new BadRequestException("Request body and URI mismatch");
        }

        return item.Count == 1 ? item : throw new BadRequestException("Request body contains too many items");
    }

    private static Dictionary<string, string> Merge(IReadOnlyDictionary<string, string> current, Dictionary<string, string> changes)
    {
        var merged = new Dictionary<string, string>(current, StringComparer.Ordinal);
        foreach (var (key, value) in changes)
        {
            merged[key] = value;
        }

        return merged;
    }
}
