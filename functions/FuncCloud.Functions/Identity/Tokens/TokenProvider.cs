using System.Security.Cryptography;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.Security.Fernet;

namespace FuncCloud.Functions.Identity.Tokens;

/// <summary>Seals payloads into Fernet tokens and opens them again (signature and expiry checked).</summary>
public sealed class TokenProvider(FernetKeyRepository keys, TimeProvider clock)
{
    /// <summary>A new random audit id (16 bytes, URL-safe base64, as keystone).</summary>
    public static string NewAuditId() => Base64Url.Encode(RandomNumberGenerator.GetBytes(16), padded: false);

    /// <summary>Encrypts <paramref name="payload"/> with the primary key.</summary>
    public async Task<string> IssueAsync(TokenPayload payload, CancellationToken cancellationToken)
    {
        var keySet = await keys.GetKeysAsync(cancellationToken);
        return FernetCipher.Encrypt(TokenPayloadSerializer.Serialize(payload), keySet.Primary, clock.GetUtcNow());
    }

    /// <summary>Decrypts and checks expiry.</summary>
    /// <exception cref="UnauthorizedException">Malformed, tampered with, unknown key, or expired.</exception>
    public async Task<TokenPayload> OpenAsync(string token, CancellationToken cancellationToken)
    {
        var keySet = await keys.GetKeysAsync(cancellationToken);
        if (!FernetCipher.TryDecrypt(token, keySet.All, out var bytes, out _))
        {
            // Maybe another replica rotated a key in since this one last read the ring.
            keySet = await keys.RefreshAsync(cancellationToken);
            if (!FernetCipher.TryDecrypt(token, keySet.All, out bytes, out _))
            {
                throw new UnauthorizedException("The request you have made requires authentication.");
            }
        }

        var payload = TokenPayloadSerializer.Deserialize(bytes) ?? throw new UnauthorizedException("The token is malformed.");
        return payload.ExpiresAt > clock.GetUtcNow() ? payload : throw new UnauthorizedException("The token has expired.");
    }
}
