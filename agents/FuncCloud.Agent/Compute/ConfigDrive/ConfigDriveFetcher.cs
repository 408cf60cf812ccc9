using FuncCloud.Shared.Compute;

namespace FuncCloud.Agent.Compute.ConfigDrive;

/// <summary>
/// Completes a spawn's or rebuild's <see cref="InstanceSpec"/> with its config drive files, fetched from the
/// control plane at the last moment (ports and floating IPs are in place by then, and user data never rides in a
/// queue message). A spec without <see cref="InstanceSpec.ConfigDrive"/> passes through untouched.
/// </summary>
public sealed class ConfigDriveFetcher(IConfigDriveApi api)
{
    /// <summary><paramref name="spec"/> with <see cref="InstanceSpec.ConfigDriveFiles"/> when it wants a drive.</summary>
    public async Task<InstanceSpec> CompleteAsync(string nodeName, InstanceSpec spec, CancellationToken cancellationToken)
    {
        if (!spec.ConfigDrive || spec.ConfigDriveFiles is not null)
        {
            return spec;
        }

        var contents = await api.GetAsync(nodeName, spec.ServerId, cancellationToken);
        return spec with { ConfigDriveFiles = contents.Files };
    }
}
