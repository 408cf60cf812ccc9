using FuncCloud.Shared.Compute.Metadata;
using Refit;

namespace FuncCloud.Agent.Network.Metadata;

/// <summary>The controller's node route that names the instance behind a guest's address (Keystone-authenticated).</summary>
public interface IMetadataInstanceApi
{
    /// <summary>The instance that owns the port with <paramref name="ip"/> on <paramref name="networkId"/>.</summary>
    [Get("/" + MetadataRoutes.Instance)]
    Task<MetadataInstance> ResolveAsync(string node, [AliasAs("network_id")] string networkId, string ip, CancellationToken cancellationToken);
}
