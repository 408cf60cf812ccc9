using FuncCloud.Shared.Compute.Servers;
using FuncCloud.Shared.Telemetry.Samples;

namespace FuncCloud.Functions.Telemetry.Collection;

/// <summary>
/// Who owns a sampled resource and what its attributes are: for a server's resources (the instance, its disks and
/// ports) the server record says (agents know neither project nor user); other samples carry them. Caches the
/// servers of one batch.
/// </summary>
public sealed class SampleResourceResolver(ServerRepository servers)
{
    private const string InstanceType = "instance";

    /// <summary>The resolved owner and attributes, or null when the sample's server is unknown (never created, or purged).</summary>
    public async Task<ResolvedResource?> ResolveAsync(Sample sample, Dictionary<string, ServerRecord?> cache, CancellationToken cancellationToken)
    {
        if (sample.InstanceId is not { } serverId)
        {
            return new ResolvedResource(sample.ProjectId, sample.UserId, sample.Attributes ?? new Dictionary<string, string?>());
        }

        if (!cache.TryGetValue(serverId, out var server))
        {
            cache[serverId] = server = await servers.FindAsync(serverId, cancellationToken);
        }

        if (server is null)
        {
            return null;
        }

        var attributes = new Dictionary<string, string?>(sample.Attributes ?? new Dictionary<string, string?>(), StringComparer.Ordinal);
        if (sample.ResourceType == InstanceType)
        {
            attributes["display_name"] = server.Name;
            attributes["flavor_id"] = server.Flavor.Id;
            attributes["flavor_name"] = server.Flavor.Name;
            attributes["host"] = server.Host ?? string.Empty;
            attributes["image_ref"] = server.ImageId;
        }

        return new ResolvedResource(server.ProjectId, server.UserId, attributes);
    }

}

/// <summary>A sampled resource's owner and attributes.</summary>
public sealed record ResolvedResource(string? ProjectId, string? UserId, IReadOnlyDictionary<string, string?> Attributes);
