using FuncCloud.Functions.Network.Api;

namespace FuncCloud.Functions.Network.Services;

/// <summary>The resource kinds by collection name: the generic functions resolve <c>{collection}</c> here.</summary>
public sealed class ResourceRegistry(IEnumerable<ResourceKind> kinds)
{
    private readonly Dictionary<string, ResourceKind> _byCollection = kinds.ToDictionary(k => k.Path, StringComparer.Ordinal);

    /// <summary>Every kind.</summary>
    public IEnumerable<ResourceKind> All => _byCollection.Values;

    /// <summary>The kind serving <paramref name="collection"/>; 404 for an unknown one.</summary>
    public ResourceKind Get(string collection)
    {
        // Neutron (pecan) also accepts a ".json" suffix on every path.
        var name = collection.EndsWith(".json", StringComparison.Ordinal) ? collection[..^5] : collection;
        return _byCollection.TryGetValue(name, out var kind) ? kind : throw NeutronException.NotFound("HTTPNotFound", "The resource could not be found.");
    }

    /// <summary>The kind serving <paramref name="collection"/> if it is taggable; 404 otherwise.</summary>
    public ResourceKind Taggable(string collection) =>
        Get(collection) is { Taggable: true, HasStandardAttributes: true } kind ? kind : throw NeutronException.NotFound("HTTPNotFound", "The resource could not be found.");
}
