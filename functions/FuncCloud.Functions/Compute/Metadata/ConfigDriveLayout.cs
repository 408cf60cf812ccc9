using System.Text.Json;
using System.Text.Json.Nodes;
using FuncCloud.Shared.Compute;

namespace FuncCloud.Functions.Compute.Metadata;

/// <summary>
/// The files of a config drive as nova's <c>InstanceMetadata.metadata_for_config_drive</c> lays them out: per EC2
/// version <c>ec2/&lt;v&gt;/meta-data.json</c> (+ <c>user-data</c>), per OpenStack version <c>openstack/&lt;v&gt;/</c>
/// <c>meta_data.json</c>, <c>user_data</c>, <c>vendor_data.json</c> (2013-10-17 on), <c>network_data.json</c>
/// (2015-10-15 on), <c>vendor_data2.json</c> (2016-10-06 on). Every document comes from <see cref="MetadataTree"/>,
/// so the drive and the metadata API never disagree.
/// </summary>
public static class ConfigDriveLayout
{
    private const string Latest = "latest";

    /// <summary>The drive's files for <paramref name="m"/>.</summary>
    public static IReadOnlyList<ConfigDriveFile> Files(InstanceMetadata m, Func<byte[]> randomSeed)
    {
        var files = new List<ConfigDriveFile>();
        var ec2 = JsonSerializer.SerializeToUtf8Bytes(Json(MetadataDocuments.Ec2MetaData(m)), MetadataContent.JsonOptions);
        foreach (var version in MetadataTree.Ec2Versions.Append(Latest))
        {
            if (!string.IsNullOrEmpty(m.Server.UserData))
            {
                files.Add(new ConfigDriveFile($"ec2/{version}/user-data", m.Server.UserData));
            }

            files.Add(File($"ec2/{version}/meta-data.json", ec2));
        }

        foreach (var version in MetadataTree.OpenStackVersions.Append(Latest))
        {
            foreach (var (name, since) in OpenStackFiles)
            {
                if (version != Latest && string.CompareOrdinal(version, since) < 0)
                {
                    continue;
                }

                // user_data resolves only when there is some; the listing's "password" is not on a drive (nova).
                if (MetadataTree.Resolve(m, $"openstack/{version}/{name}", randomSeed) is { } content)
                {
                    files.Add(File($"openstack/{version}/{name}", content.Body));
                }
            }
        }

        return files;
    }

    private static readonly (string Name, string Since)[] OpenStackFiles =
    [
        ("meta_data.json", string.Empty),
        ("user_data", string.Empty),
        ("vendor_data.json", "2013-10-17"),
        ("network_data.json", "2015-10-15"),
        ("vendor_data2.json", "2016-10-06"),
    ];

    private static ConfigDriveFile File(string path, byte[] body) => new(path, Convert.ToBase64String(body));

    private static JsonObject Json(SortedDictionary<string, object> tree)
    {
        var json = new JsonObject();
        foreach (var (key, value) in tree)
        {
            json[key] = value is SortedDictionary<string, object> branch ? Json(branch) : JsonValue.Create((string)value);
        }

        return json;
    }
}
