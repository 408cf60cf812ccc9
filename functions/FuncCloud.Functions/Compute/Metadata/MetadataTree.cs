using System.Text;
using System.Text.Json;

namespace FuncCloud.Functions.Compute.Metadata;

/// <summary>A metadata answer: the body and its content type.</summary>
public sealed record MetadataContent(byte[] Body, string ContentType)
{
    /// <summary>A plain-text answer (listings, EC2 leaves).</summary>
    public static MetadataContent Text(string text) => new(Encoding.UTF8.GetBytes(text), "text/plain; charset=UTF-8");

    /// <summary>
    /// How the documents are written: as nova's <c>json.dumps</c> writes them, '+' and the HTML characters
    /// literal. The default encoder writes '+' as <c>\u002B</c>, which a JSON parser undoes but a guest's
    /// sed/grep does not: a base64 public key cut out of meta_data.json that way is not the key.
    /// </summary>
    public static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A JSON document.</summary>
    public static MetadataContent Json(System.Text.Json.Nodes.JsonNode json) =>
        new(JsonSerializer.SerializeToUtf8Bytes(json, JsonOptions), "application/json");
}

/// <summary>
/// The paths of nova's metadata API, resolved against one instance: the version listings, the OpenStack
/// documents per version (a document appears from the version that introduced it), and the EC2 tree.
/// </summary>
public static class MetadataTree
{
    /// <summary>The OpenStack metadata versions nova serves, oldest first; <c>latest</c> follows.</summary>
    public static readonly IReadOnlyList<string> OpenStackVersions =
        ["2012-08-10", "2013-04-04", "2013-10-17", "2015-10-15", "2016-06-30", "2016-10-06", "2017-02-22", "2018-08-27", "2020-10-14"];

    /// <summary>The EC2 metadata versions nova serves; <c>latest</c> follows.</summary>
    public static readonly IReadOnlyList<string> Ec2Versions =
        ["1.0", "2007-01-19", "2007-03-01", "2007-08-29", "2007-10-10", "2007-12-15", "2008-02-01", "2008-09-01", "2009-04-04"];

    private const string Latest = "latest";

    /// <summary>The answer for <paramref name="path"/> (relative to the metadata root), or null for nova's 404.</summary>
    public static MetadataContent? Resolve(InstanceMetadata m, string path, Func<byte[]> randomSeed)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            return MetadataContent.Text(string.Join('\n', Ec2Versions.Append(Latest)));
        }

        if (parts[0] == "openstack")
        {
            return OpenStack(m, parts[1..], randomSeed);
        }

        return parts[0] == Latest || Ec2Versions.Contains(parts[0]) ? Ec2(m, parts[1..]) : null;
    }

    private static MetadataContent? OpenStack(InstanceMetadata m, string[] parts, Func<byte[]> randomSeed)
    {
        if (parts.Length == 0)
        {
            return MetadataContent.Text(string.Join('\n', OpenStackVersions.Append(Latest)));
        }

        var version = parts[0] == Latest ? OpenStackVersions[^1] : OpenStackVersions.Contains(parts[0]) ? parts[0] : null;
        if (version is null || parts.Length > 2)
        {
            return null;
        }

        var files = Files(m, version);
        if (parts.Length == 1)
        {
            return MetadataContent.Text(string.Join('\n', files));
        }

        if (!files.Contains(parts[1]))
        {
            return null;
        }

        return parts[1] switch
        {
            "meta_data.json" => MetadataContent.Json(MetadataDocuments.MetaData(m, randomSeed())),
            "network_data.json" => MetadataContent.Json(MetadataDocuments.NetworkData(m)),
            "vendor_data.json" or "vendor_data2.json" => MetadataContent.Json(new System.Text.Json.Nodes.JsonObject()),
            "user_data" => new MetadataContent(Convert.FromBase64String(m.Server.UserData!), "application/octet-stream"),
            "password" => MetadataContent.Text(string.Empty),
            _ => null,
        };
    }

    private static List<string> Files(InstanceMetadata m, string version)
    {
        var files = new List<string> { "meta_data.json", "password", "vendor_data.json" };
        if (string.CompareOrdinal(version, "2015-10-15") >= 0)
        {
            files.Add("network_data.json");
        }

        if (string.CompareOrdinal(version, "2016-10-06") >= 0)
        {
            files.Add("vendor_data2.json");
        }

        if (!string.IsNullOrEmpty(m.Server.UserData))
        {
            files.Add("user_data");
        }

        return files;
    }

    private static MetadataContent? Ec2(InstanceMetadata m, string[] parts)
    {
        if (parts.Length == 0)
        {
            return MetadataContent.Text(string.IsNullOrEmpty(m.Server.UserData) ? "meta-data/" : "meta-data/\nuser-data");
        }

        if (parts[0] == "user-data")
        {
            return parts.Length == 1 && !string.IsNullOrEmpty(m.Server.UserData)
                ? new MetadataContent(Convert.FromBase64String(m.Server.UserData), "application/octet-stream")
                : null;
        }

        if (parts[0] != "meta-data")
        {
            return null;
        }

        if (parts.Length == 2 && parts[1] == "public-keys" && m.Keypair is { } keypair)
        {
            // EC2 lists a key pair as "<index>=<name>".
            return MetadataContent.Text($"0={keypair.Name}");
        }

        object node = MetadataDocuments.Ec2MetaData(m);
        foreach (var part in parts[1..])
        {
            if (node is not SortedDictionary<string, object> branch)
            {
                return null;
            }

            // EC2 lists a key as "0=name": "public-keys/0" and "public-keys/0=name" both reach it.
            var key = part.Split('=')[0];
            if (!branch.TryGetValue(key, out var child))
            {
                return null;
            }

            node = child;
        }

        return node switch
        {
            string leaf => MetadataContent.Text(leaf),
            SortedDictionary<string, object> branch => MetadataContent.Text(string.Join('\n', branch.Select(e => e.Value is SortedDictionary<string, object> ? e.Key + "/" : e.Key))),
            _ => null,
        };
    }
}
