using System.Buffers.Binary;
using System.Text;
using FuncCloud.Shared.Security;
using FuncCloud.Shared.Security.Fernet;

namespace FuncCloud.Functions.Identity.Tokens;

/// <summary>
/// The compact binary payload inside the Fernet envelope (documented in docs/identity.md):
/// <c>version(1)=1 | methods bitmask(1) | scope type(1) | user id | scope id | app-cred id |
/// issued_at (int64 UTC ticks) | expires_at (int64 unix ms) | audit id count(1) | audit ids (16 bytes each)</c>.
/// An id is <c>0</c> (absent), <c>1</c> + 16 bytes (a 32-hex uuid) or <c>2</c> + length(1) + UTF-8.
/// Issued-at keeps sub-second precision so a token issued right after a revocation is not caught by it.
/// </summary>
public static class TokenPayloadSerializer
{
    private const byte Version = 1;

    /// <summary>An expiry at the precision the payload keeps (whole milliseconds).</summary>
    public static DateTimeOffset AsStored(DateTimeOffset expiresAt) => DateTimeOffset.FromUnixTimeMilliseconds(expiresAt.ToUnixTimeMilliseconds());

    /// <summary>Serialises <paramref name="payload"/>.</summary>
    public static byte[] Serialize(TokenPayload payload)
    {
        using var stream = new MemoryStream(96);
        stream.WriteByte(Version);
        stream.WriteByte((byte)AuthMethods.All.Select((m, i) => payload.Methods.Contains(m) ? 1 << i : 0).Sum());
        stream.WriteByte((byte)payload.Scope);
        WriteId(stream, payload.UserId);
        WriteId(stream, payload.ScopeId);
        WriteId(stream, payload.ApplicationCredentialId);
        Span<byte> number = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(number, payload.IssuedAt.UtcTicks);
        stream.Write(number);
        BinaryPrimitives.WriteInt64BigEndian(number, payload.ExpiresAt.ToUnixTimeMilliseconds());
        stream.Write(number);
        stream.WriteByte((byte)payload.AuditIds.Count);
        foreach (var auditId in payload.AuditIds)
        {
            stream.Write(Base64Url.Decode(auditId) is { Length: 16 } bytes ? bytes : throw new FormatException("An audit id is 16 bytes."));
        }

        return stream.ToArray();
    }

    /// <summary>Parses a payload, or null when it is not one this version wrote.</summary>
    public static TokenPayload? Deserialize(byte[] bytes)
    {
        try
        {
            var position = 0;
            if (bytes[position++] != Version)
            {
                return null;
            }

            var methodBits = bytes[position++];
            var scope = (ScopeType)bytes[position++];
            var userId = ReadId(bytes, ref position) ?? string.Empty;
            var scopeId = ReadId(bytes, ref position);
            var appCredId = ReadId(bytes, ref position);
            var issued = new DateTimeOffset(BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(position, 8)), TimeSpan.Zero);
            var expires = DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(position + 8, 8)));
            position += 16;
            var auditCount = bytes[position++];
            var audits = Enumerable.Range(0, auditCount).Select(i => Base64Url.Encode(bytes.AsSpan(position + (i * 16), 16), padded: false)).ToList();
            if (position + (auditCount * 16) != bytes.Length || auditCount == 0 || !Enum.IsDefined(scope))
            {
                return null;
            }

            var methods = AuthMethods.All.Where((_, i) => (methodBits & (1 << i)) != 0).ToList();
            return new TokenPayload(userId, methods, scope, scopeId, issued, expires, audits, appCredId);
        }
        catch (Exception e) when (e is IndexOutOfRangeException or ArgumentOutOfRangeException or ArgumentException)
        {
            return null;
        }
    }

    private static void WriteId(Stream stream, string? id)
    {
        if (id is null)
        {
            stream.WriteByte(0);
        }
        else if (id.Length == 32 && Guid.TryParseExact(id, "N", out var guid) && guid.ToString("N") == id)
        {
            stream.WriteByte(1);
            stream.Write(Convert.FromHexString(id));
        }
        else
        {
            var utf8 = Encoding.UTF8.GetBytes(id);
            stream.WriteByte(2);
            stream.WriteByte(utf8.Length <= 255 ? (byte)utf8.Length : throw new FormatException("Ids are at most 255 bytes."));
            stream.Write(utf8);
        }
    }

    private static string? ReadId(byte[] bytes, ref int position)
    {
        switch (bytes[position++])
        {
            case 0:
                return null;
            case 1:
                position += 16;
                return Convert.ToHexStringLower(bytes.AsSpan(position - 16, 16));
            case 2:
                var length = bytes[position++];
                position += length;
                return Encoding.UTF8.GetString(bytes.AsSpan(position - length, length));
            default:
                throw new ArgumentException("Unknown id tag.");
        }
    }
}
