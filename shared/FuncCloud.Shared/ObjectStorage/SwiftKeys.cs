using System.Security.Cryptography;
using System.Text;

namespace FuncCloud.Shared.ObjectStorage;

/// <summary>
/// Maps Swift names (UTF-8, no NUL, containers up to 256 bytes, objects up to 1024) onto Azure Table keys
/// without collisions and in swift's listing order (UTF-8 byte order). Table keys may not hold
/// <c>/ \ # ?</c> or control characters, stay under 1 KiB, and travel URL-encoded in batch responses, so the
/// name's bytes are read as a bit string and written 6 bits per character with the alphabet
/// <c>.0-9A-Z_a-z</c> (in ASCII order, all URL-unreserved), zero-padding the last character. With no NUL in
/// names this is injective and strictly order-preserving: a &lt; b bytewise exactly when Key(a) &lt; Key(b)
/// ordinally, so prefix/marker/end_marker listings are key ranges. Names longer than <see cref="MaxExactBytes"/>
/// are keyed by their first <see cref="MaxExactBytes"/> bytes, then <c>~</c> (above the alphabet), then 32 hex
/// digits of their SHA-256: they still sort after every shorter name they extend and before every greater
/// name, and only order among themselves (same first 352 bytes) by hash. Keys are at most 504 characters.
/// </summary>
public static class SwiftKeys
{
    /// <summary>Names up to this many bytes are keyed exactly.</summary>
    public const int MaxExactBytes = 352;

    /// <summary>The separator before the hash of a long name (sorts above every alphabet character).</summary>
    public const char LongNameMarker = '~';

    private const string Alphabet = ".0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";

    /// <summary>The key of <paramref name="name"/>.</summary>
    public static string Encode(string name) => Encode(Encoding.UTF8.GetBytes(name));

    /// <summary>The key of a byte string (no NUL bytes).</summary>
    public static string Encode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length <= MaxExactBytes)
        {
            return Exact(bytes);
        }

        return Exact(bytes[..MaxExactBytes]) + LongNameMarker + Convert.ToHexStringLower(SHA256.HashData(bytes))[..32];
    }

    /// <summary>The exact (order-preserving) encoding of any byte string, however long.</summary>
    public static string Exact(ReadOnlySpan<byte> bytes)
    {
        var builder = new StringBuilder(((bytes.Length * 8) + 5) / 6);
        var accumulator = 0;
        var bits = 0;
        foreach (var b in bytes)
        {
            accumulator = (accumulator << 8) | b;
            bits += 8;
            while (bits >= 6)
            {
                bits -= 6;
                builder.Append(Alphabet[(accumulator >> bits) & 0x3F]);
            }

            accumulator &= (1 << bits) - 1;
        }

        if (bits > 0)
        {
            builder.Append(Alphabet[(accumulator << (6 - bits)) & 0x3F]);
        }

        return builder.ToString();
    }

    /// <summary>
    /// The smallest byte string greater than every name that starts with <paramref name="prefix"/> (the upper
    /// bound of a prefix query), or null when there is none (an empty prefix).
    /// </summary>
    public static byte[]? PrefixEnd(string prefix)
    {
        var bytes = Encoding.UTF8.GetBytes(prefix);
        for (var i = bytes.Length - 1; i >= 0; i--)
        {
            if (bytes[i] != 0xFF)
            {
                bytes[i]++;
                return bytes[..(i + 1)];
            }
        }

        return null;
    }

    /// <summary>
    /// The key range [from, to) holding every name that starts with <paramref name="prefix"/>: exact for
    /// prefixes up to <see cref="MaxExactBytes"/>; beyond, the range of the long names sharing its first
    /// <see cref="MaxExactBytes"/> bytes (the caller filters by the real name).
    /// </summary>
    public static (string From, string? To) PrefixRange(string prefix)
    {
        var bytes = Encoding.UTF8.GetBytes(prefix);
        if (bytes.Length > MaxExactBytes)
        {
            var head = Exact(bytes.AsSpan(0, MaxExactBytes));
            return (head + LongNameMarker, head + LongNameMarker + LongNameMarker);
        }

        return (Exact(bytes), PrefixEnd(prefix) is { } end ? Encode(end) : null);
    }
}
