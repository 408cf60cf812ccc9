using FuncCloud.Shared.Compute.Metadata;
using Refit;

namespace FuncCloud.Agent.Compute.ConfigDrive;

/// <summary>The controller's node route that hands out a server's config drive files (Keystone-authenticated).</summary>
public interface IConfigDriveApi
{
    /// <summary>The files of <paramref name="serverId"/>'s config drive, as the metadata API would serve them.</summary>
    [Get("/" + MetadataRoutes.ConfigDrive)]
    Task<ConfigDriveContents> GetAsync(string node, string serverId, CancellationToken cancellationToken);
}
