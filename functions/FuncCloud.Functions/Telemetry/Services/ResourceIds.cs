using System.Security.Cryptography;
using System.Text;

namespace FuncCloud.Functions.Telemetry.Services;

/// <summary>
/// Gnocchi's resource ids: a UUID is kept (normalised), anything else (ceilometer's <c>instance-vda</c> disk ids)
/// becomes a name-based UUID (version 5) in gnocchi's resource namespace, and the given string is kept as
/// <c>original_resource_id</c>. URLs may name a resource either way.
/// </summary>
public static class ResourceIds
{
    private static readonly Guid Namespace = Guid.Parse("0a7a15ff-aa13-4ac2-897c-9bdf30ce175b");

    /// <summary>The resource id for <paramref name="value"/>.</summary>
    public static string From(string value) =>
        Guid.TryParse(value, out var id) ? id.ToString("D") : NameBased(value).ToString("D");

    private static Guid NameBased(string name)
    {
        var input = Namespace.ToByteArray(bigEndian: true).Concat(Encoding.UTF8.GetBytes(name)).ToArray();
        var hash = SHA1.HashData(input).AsSpan(0, 16).ToArray();
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash, bigEndian: true);
    }
}
