using System.Text;

namespace FuncCloud.Shared.ObjectStorage;

/// <summary>
/// Maps Swift names (UTF-8, up to 1024 bytes) onto Azure Table keys without collisions and in swift's listing
/// order. Table keys may not hold <c>/ \ # ?</c> or control characters and are at most 1 KiB, and swift lists
/// names in UTF-8 byte order, so the UTF-8 bytes are read as a bit string and written 15 bits per character,
/// each character <c>U+1000 + value</c> (a plain BMP letter range, no surrogates, no forbidden characters).
/// The last character is zero-padded. Because swift names never hold a NUL byte, the encoding is injective and
/// strictly order-preserving: a &lt; b (bytewise) exactly when Key(a) &lt; Key(b) (ordinal), which is what lets
/// prefix/marker/end_marker listings run as key-range queries. 1024 bytes become 547 characters.
/// </summary>
public static class SwiftKeys
{
    private const int Base = 0x1000;
    private const int BitsPerChar = 15;

    /// <summary>The key of <paramref name="name"/>.</summary>
    public static string Encode(string name) => Encode(Encoding.UTF8.GetBytes(name));

    /// <summary>The key of a byte string (no NUL bytes).</summary>
    public static string Encode(ReadOnlySpan<byte> bytes)
    {
        var builder = new StringBuilder(((bytes.Length * 8) + BitsPerChar - 1) / BitsPerChar);
        var accumulator = 0;
        var bits = 0;
        foreach (var b in bytes)
        {
            accumulator = (accumulator << 8) | b;
            bits += 8;
            if (bits >= BitsPerChar)
            {
                bits -= BitsPerChar;
                builder.Append((char)(Base + ((accumulator >> bits) & 0x7FFF)));
                accumulator &= (1 << bits) - 1;
            }
        }

        if (bits > 0)
        {
            builder.Append((char)(Base + ((accumulator << (BitsPerChar - bits)) & 0x7FFF)));
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
}
