using System.Security.Cryptography;

namespace FuncCloud.Shared.Security.Fernet;

/// <summary>A Fernet key: 32 random bytes, the first half signs (HMAC-SHA256), the second encrypts (AES-128).</summary>
public sealed class FernetKey
{
    private FernetKey(byte[] bytes)
    {
        SigningKey = bytes[..16];
        EncryptionKey = bytes[16..];
        Encoded = Base64Url.Encode(bytes, padded: true);
    }

    /// <summary>The HMAC-SHA256 key.</summary>
    public byte[] SigningKey { get; }

    /// <summary>The AES-128-CBC key.</summary>
    public byte[] EncryptionKey { get; }

    /// <summary>The URL-safe base64 form (what keystone keeps in its key files).</summary>
    public string Encoded { get; }

    /// <summary>A new random key.</summary>
    public static FernetKey Generate() => new(RandomNumberGenerator.GetBytes(32));

    /// <summary>Parses the URL-safe base64 form.</summary>
    /// <exception cref="FormatException">Not 32 bytes of URL-safe base64.</exception>
    public static FernetKey Parse(string encoded)
    {
        var bytes = Base64Url.Decode(encoded) ?? throw new FormatException("A Fernet key is URL-safe base64.");
        return bytes.Length == 32 ? new FernetKey(bytes) : throw new FormatException("A Fernet key is 32 bytes.");
    }
}

/// <summary>URL-safe base64 (RFC 4648 §5), padding optional on input.</summary>
public static class Base64Url
{
    /// <summary>Encodes; keystone strips the '=' padding from tokens, keys keep it.</summary>
    public static string Encode(ReadOnlySpan<byte> bytes, bool padded)
    {
        var text = Convert.ToBase64String(bytes).Replace('+', '-').Replace('/', '_');
        return padded ? text : text.TrimEnd('=');
    }

    /// <summary>Decodes, or null when the text is not URL-safe base64.</summary>
    public static byte[]? Decode(string text)
    {
        var standard = text.Replace('-', '+').Replace('_', '/');
        standard = standard.PadRight(standard.Length + ((4 - (standard.Length % 4)) % 4), '=');
        var buffer = new byte[standard.Length * 3 / 4];
        return Convert.TryFromBase64String(standard, buffer, out var written) ? buffer[..written] : null;
    }
}
