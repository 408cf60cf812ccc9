using System.Buffers.Binary;
using System.Security.Cryptography;

namespace FuncCloud.Shared.Security.Fernet;

/// <summary>
/// The Fernet token format (github.com/fernet/spec): <c>0x80 | timestamp (8, big-endian seconds) | IV (16) |
/// AES-128-CBC(PKCS7) ciphertext | HMAC-SHA256 (32)</c> over everything before the HMAC, URL-safe base64.
/// Like keystone, the base64 padding is stripped from tokens.
/// </summary>
public static class FernetCipher
{
    private const byte Version = 0x80;
    private const int HeaderLength = 1 + 8 + 16;
    private const int HmacLength = 32;

    /// <summary>Encrypts <paramref name="payload"/> with <paramref name="key"/>.</summary>
    public static string Encrypt(ReadOnlySpan<byte> payload, FernetKey key, DateTimeOffset now)
    {
        using var aes = Aes.Create();
        aes.Key = key.EncryptionKey;
        var iv = RandomNumberGenerator.GetBytes(16);
        var ciphertext = aes.EncryptCbc(payload, iv, PaddingMode.PKCS7);

        var token = new byte[HeaderLength + ciphertext.Length + HmacLength];
        token[0] = Version;
        BinaryPrimitives.WriteInt64BigEndian(token.AsSpan(1, 8), now.ToUnixTimeSeconds());
        iv.CopyTo(token.AsSpan(9, 16));
        ciphertext.CopyTo(token.AsSpan(HeaderLength));
        HMACSHA256.HashData(key.SigningKey, token.AsSpan(0, token.Length - HmacLength), token.AsSpan(token.Length - HmacLength));
        return Base64Url.Encode(token, padded: false);
    }

    /// <summary>
    /// Verifies and decrypts <paramref name="token"/> with the first of <paramref name="keys"/> whose HMAC
    /// matches. Returns false for anything malformed, tampered with, or signed by an unknown key.
    /// </summary>
    public static bool TryDecrypt(string token, IReadOnlyList<FernetKey> keys, out byte[] payload, out DateTimeOffset timestamp)
    {
        payload = [];
        timestamp = default;
        var bytes = token.Length is > 0 and < 8192 ? Base64Url.Decode(token) : null;
        if (bytes is null || bytes.Length < HeaderLength + 16 + HmacLength || bytes[0] != Version ||
            (bytes.Length - HeaderLength - HmacLength) % 16 != 0)
        {
            return false;
        }

        Span<byte> mac = stackalloc byte[HmacLength];
        foreach (var key in keys)
        {
            HMACSHA256.HashData(key.SigningKey, bytes.AsSpan(0, bytes.Length - HmacLength), mac);
            if (!CryptographicOperations.FixedTimeEquals(mac, bytes.AsSpan(bytes.Length - HmacLength)))
            {
                continue;
            }

            try
            {
                using var aes = Aes.Create();
                aes.Key = key.EncryptionKey;
                payload = aes.DecryptCbc(bytes.AsSpan(HeaderLength, bytes.Length - HeaderLength - HmacLength), bytes.AsSpan(9, 16), PaddingMode.PKCS7);
                timestamp = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(1, 8)));
                return true;
            }
            catch (CryptographicException)
            {
                return false;
            }
        }

        return false;
    }
}
