using System.Security.Cryptography;
using System.Text;

namespace FuncCloud.Shared.Compute.Metadata;

/// <summary>
/// The proof a metadata proxy attaches to the instance id it resolved (nova's and neutron's
/// <c>metadata_proxy_shared_secret</c>): lowercase hex HMAC-SHA256 of the id.
/// </summary>
public static class MetadataSignature
{
    /// <summary>The signature of <paramref name="instanceId"/> under <paramref name="secret"/>.</summary>
    public static string Sign(string secret, string instanceId) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(instanceId)));

    /// <summary>True when <paramref name="signature"/> is <paramref name="instanceId"/>'s (compared in constant time).</summary>
    public static bool Verify(string secret, string instanceId, string signature) =>
        CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Sign(secret, instanceId)),
            Encoding.ASCII.GetBytes(signature.Trim().ToLowerInvariant()));
}
