using System.Globalization;
using FuncCloud.Shared.OpenStack.Errors;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Functions.Image.Api;

/// <summary>A single <c>Range: bytes=…</c> request (<c>a-b</c>, <c>a-</c> or the suffix form <c>-n</c>).</summary>
public sealed record ByteRange(long? First, long? Last)
{
    /// <summary>The range of <paramref name="header"/>, or null when absent.</summary>
    /// <exception cref="RangeNotSatisfiableException">The header is malformed or asks for several ranges.</exception>
    public static ByteRange? Parse(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        var spec = header.Trim();
        if (!spec.StartsWith("bytes=", StringComparison.OrdinalIgnoreCase) || spec.Contains(','))
        {
            throw new RangeNotSatisfiableException(null);
        }

        var parts = spec[6..].Split('-', 2);
        if (parts.Length != 2 || (parts[0].Length == 0 && parts[1].Length == 0))
        {
            throw new RangeNotSatisfiableException(null);
        }

        return new ByteRange(Number(parts[0]), Number(parts[1]));
    }

    /// <summary>The offset and length within an image of <paramref name="size"/> bytes.</summary>
    /// <exception cref="RangeNotSatisfiableException">The range lies outside the data.</exception>
    public (long Offset, long Length) Resolve(long size)
    {
        if (First is null)
        {
            var suffix = Math.Min(Last!.Value, size);
            return suffix > 0 ? (size - suffix, suffix) : throw new RangeNotSatisfiableException(size);
        }

        var last = Math.Min(Last ?? size - 1, size - 1);
        return First.Value < size && last >= First.Value ? (First.Value, last - First.Value + 1) : throw new RangeNotSatisfiableException(size);
    }

    private static long? Number(string text) =>
        text.Length == 0 ? null
        : long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value
        : throw new RangeNotSatisfiableException(null);
}

/// <summary>416: the requested range is invalid or outside the image data.</summary>
public sealed class RangeNotSatisfiableException(long? size)
    : OpenStackException(StatusCodes.Status416RangeNotSatisfiable, "Requested Range Not Satisfiable", "The requested range is not satisfiable.")
{
    /// <summary>The data size (for <c>Content-Range: bytes */size</c>), when known.</summary>
    public long? Size { get; } = size;
}
