using FuncCloud.Agent.Privileged;
using FuncCloud.Shared.Compute;

namespace FuncCloud.Agent.Compute.ConfigDrive;

/// <summary>
/// Writes a config drive as nova's <c>ConfigDriveBuilder</c> does: the files in a staging folder, then an ISO9660
/// (Joliet + Rock Ridge) labelled <see cref="Label"/> made by <c>genisoimage</c> with nova's flags, which is how
/// cloud-init and the test guest find it.
/// </summary>
public static class ConfigDriveImage
{
    /// <summary>The volume label guests look for.</summary>
    public const string Label = "config-2";

    /// <summary>The ISO tool (Debian package <c>genisoimage</c>).</summary>
    public const string Tool = "genisoimage";

    /// <summary>Builds <paramref name="isoPath"/> from <paramref name="files"/>.</summary>
    /// <exception cref="ArgumentException">A path is absolute or leaves the drive.</exception>
    /// <exception cref="HostCommandException"><c>genisoimage</c> failed.</exception>
    public static async Task BuildAsync(HostCommand host, IReadOnlyList<ConfigDriveFile> files, string isoPath, CancellationToken cancellationToken)
    {
        var staging = isoPath + ".staging";
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        try
        {
            var root = Directory.CreateDirectory(staging).FullName;
            foreach (var file in files)
            {
                var target = Path.GetFullPath(Path.Combine(root, file.Path));
                // The paths come from the control plane, but a bad one must not write outside the staging folder.
                if (Path.IsPathRooted(file.Path) || !target.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    throw new ArgumentException($"Config drive path '{file.Path}' is not inside the drive.", nameof(files));
                }

                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                await File.WriteAllBytesAsync(target, Convert.FromBase64String(file.Content), cancellationToken);
            }

            await host.RunAsync(Tool,
                ["-o", isoPath, "-ldots", "-allow-lowercase", "-allow-multidot", "-l", "-publisher", "FuncCloud", "-quiet", "-J", "-r", "-V", Label, root],
                cancellationToken);
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }
}
