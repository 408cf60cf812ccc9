using System.Globalization;

namespace FuncCloud.Functions.ObjectStorage.Api;

/// <summary>
/// A <c>Range: bytes=a-b,c-,-n</c> header resolved against a size, as swob does it: a malformed header is
/// ignored (the whole object is sent), unsatisfiable ranges are dropped, and when none is left the answer is 416.
/// </summary>
public static class ByteRanges
{
    /// <summary>The ranges as (offset, length), or null to send everything.</summary>
    /// <exception cref="SwiftRangeNotSatisfiableException">Every range lies outside the object.</exception>
    public static IReadOnlyList<(long Offset, long Length)>? Resolve(string? header, long size)
    {
        if (string.IsNullOrWhiteSpace(header) || !header.Trim().StartsWith("bytes=", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var specs = new List<(long? First, long? Last)>();
        foreach (var part in header.Trim()[6..].Split(','))
        {
            var pieces = part.Trim().Split('-', 2);
            if (pieces.Length != 2 || (pieces[0].Length == 0 && pieces[1].Length == 0)
                || !TryNumber(pieces[0], out var first) || !TryNumber(pieces[1], out var last)
                || (first is not null && last is not null && last < first))
            {
                return null;
            }

            specs.Add((first, last));
        }

        if (specs.Count == 0 || specs.Count > 50)
        {
            return null;
        }

        var ranges = new List<(long, long)>();
        foreach (var (first, last) in specs)
        {
            if (first is null)
            {
                var suffix = Math.Min(last!.Value, size);
                if (suffix > 0)
                {
                    ranges.Add((size - suffix, suffix));
                }
            }
            else if (first.Value < size)
            {
                var end = Math.Min(last ?? size - 1, size - 1);
                ranges.Add((first.Value, end - first.Value + 1));
            }
        }

        return ranges.Count > 0 ? ranges : throw new SwiftRangeNotSatisfiableException(size);
    }

    private static bool TryNumber(string text, out long? value)
    {
        value = null;
        if (text.Trim().Length == 0)
        {
            return true;
        }

        if (long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            value = number;
            return true;
        }

        return false;
    }
}
