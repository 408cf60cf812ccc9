using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using FuncCloud.Shared.OpenStack.Errors;

namespace FuncCloud.Shared.Compute.Keypairs;

/// <summary>A generated key pair: what is stored, and the private half returned once.</summary>
public sealed record GeneratedKeypair(string PublicKey, string PrivateKey, string Fingerprint);

/// <summary>
/// Key generation and fingerprints the way nova computes them: SSH keys are RSA-2048 in OpenSSH public
/// format with an MD5 colon-hex fingerprint of the key blob; x509 key pairs are self-signed certificates
/// with a SHA-1 colon-hex fingerprint of the DER bytes.
/// </summary>
public static class KeypairCrypto
{
    private static readonly string[] SshKeyTypes =
    [
        "ssh-rsa", "ssh-dss", "ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
        "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com",
    ];

    /// <summary>A new RSA SSH key pair.</summary>
    public static GeneratedKeypair GenerateSsh()
    {
        using var rsa = RSA.Create(2048);
        var parameters = rsa.ExportParameters(false);
        var blob = SshBlob("ssh-rsa", parameters.Exponent!, parameters.Modulus!);
        var publicKey = $"ssh-rsa {Convert.ToBase64String(blob)} Generated-by-Nova";
        return new GeneratedKeypair(publicKey, rsa.ExportRSAPrivateKeyPem() + "\n", Md5Fingerprint(blob));
    }

    /// <summary>A new self-signed x509 certificate and its key (nova's <c>x509</c> type).</summary>
    public static GeneratedKeypair GenerateX509(string userId)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN={userId}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddYears(10));
        return new GeneratedKeypair(certificate.ExportCertificatePem() + "\n", rsa.ExportPkcs8PrivateKeyPem() + "\n", Sha1Fingerprint(certificate.RawData));
    }

    /// <summary>The fingerprint of an OpenSSH public key line.</summary>
    /// <exception cref="BadRequestException">Not a public key nova would accept.</exception>
    public static string SshFingerprint(string publicKey)
    {
        var parts = publicKey.Trim().Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2 || !SshKeyTypes.Contains(parts[0], StringComparer.Ordinal))
        {
            throw InvalidSsh();
        }

        byte[] blob;
        try
        {
            blob = Convert.FromBase64String(parts[1]);
        }
        catch (FormatException)
        {
            throw InvalidSsh();
        }

        // The blob starts with the key type again; a mismatch means a corrupted or forged line.
        if (blob.Length < 4 || BinaryPrimitives.ReadUInt32BigEndian(blob) is var length && (length > blob.Length - 4 || Encoding.ASCII.GetString(blob, 4, (int)length) != parts[0]))
        {
            throw InvalidSsh();
        }

        return Md5Fingerprint(blob);
    }

    /// <summary>The fingerprint of a PEM certificate.</summary>
    /// <exception cref="BadRequestException">Not a certificate.</exception>
    public static string X509Fingerprint(string pem)
    {
        try
        {
            using var certificate = X509Certificate2.CreateFromPem(pem);
            return Sha1Fingerprint(certificate.RawData);
        }
        catch (CryptographicException e)
        {
            throw new BadRequestException($"Keypair data is invalid: failed to generate X509 fingerprint. Error message: {e.Message}");
        }
    }

    private static BadRequestException InvalidSsh() => new("Keypair data is invalid: failed to generate fingerprint");

    private static string Md5Fingerprint(byte[] blob) => ColonHex(MD5.HashData(blob));

    private static string Sha1Fingerprint(byte[] der) => ColonHex(SHA1.HashData(der));

    private static string ColonHex(byte[] hash) => string.Join(':', hash.Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));

    private static byte[] SshBlob(string type, byte[] exponent, byte[] modulus)
    {
        using var stream = new MemoryStream();
        WriteString(stream, Encoding.ASCII.GetBytes(type));
        WriteString(stream, MpInt(exponent));
        WriteString(stream, MpInt(modulus));
        return stream.ToArray();
    }

    // RFC 4251 mpint: big-endian two's complement, so a set high bit needs a leading zero byte.
    private static byte[] MpInt(byte[] unsigned) => unsigned.Length > 0 && unsigned[0] >= 0x80 ? [0, .. unsigned] : unsigned;

    private static void WriteString(Stream stream, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)data.Length);
        stream.Write(length);
        stream.Write(data);
    }
}
