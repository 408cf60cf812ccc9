using System.Text;
using FuncCloud.Functions.ObjectStorage.Api;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Functions.ObjectStorage.Services;

/// <summary>
/// User metadata headers (<c>X-{Kind}-Meta-Name: value</c>; an empty value or <c>X-Remove-{Kind}-Meta-Name</c>
/// removes) and swift's limits on them. Names are kept lower-case without the prefix.
/// </summary>
public sealed class SwiftMetadata(ObjectStorageOptions options)
{
    /// <summary>
    /// The metadata after the request's headers: applied onto <paramref name="current"/>, or onto nothing when
    /// <paramref name="replace"/> (object PUT and POST replace all user metadata).
    /// </summary>
    /// <exception cref="SwiftException">400 when a limit is passed.</exception>
    public IReadOnlyDictionary<string, string> Apply(IReadOnlyDictionary<string, string>? current, HttpRequest request, string kind, bool replace)
    {
        var result = replace || current is null ? new Dictionary<string, string>(StringComparer.Ordinal) : new Dictionary<string, string>(current, StringComparer.Ordinal);
        var set = $"x-{kind}-meta-";
        var remove = $"x-remove-{kind}-meta-";
        foreach (var (header, values) in request.Headers)
        {
            var lower = header.ToLowerInvariant();
            if (lower.StartsWith(set, StringComparison.Ordinal) && lower.Length > set.Length)
            {
                var name = lower[set.Length..];
                var value = values.ToString();
                if (value.Length == 0)
                {
                    result.Remove(name);
                }
                else
                {
                    result[name] = value;
                }
            }
            else if (lower.StartsWith(remove, StringComparison.Ordinal) && lower.Length > remove.Length)
            {
                result.Remove(lower[remove.Length..]);
            }
        }

        Validate(result);
        return result;
    }

    /// <summary>The response headers of <paramref name="metadata"/>.</summary>
    public static void Write(IDictionary<string, string> headers, IReadOnlyDictionary<string, string> metadata, string kind)
    {
        var prefix = $"X-{char.ToUpperInvariant(kind[0])}{kind[1..]}-Meta-";
        foreach (var (name, value) in metadata)
        {
            headers[prefix + name] = value;
        }
    }

    private void Validate(Dictionary<string, string> metadata)
    {
        if (metadata.Count > options.MaxMetaCount)
        {
            throw new SwiftException(StatusCodes.Status400BadRequest, $"Too many metadata items; max {options.MaxMetaCount}");
        }

        var total = 0;
        foreach (var (name, value) in metadata)
        {
            var nameBytes = Encoding.UTF8.GetByteCount(name);
            var valueBytes = Encoding.UTF8.GetByteCount(value);
            if (nameBytes > options.MaxMetaNameLength)
            {
                throw new SwiftException(StatusCodes.Status400BadRequest, $"Metadata name too long: {name}; max {options.MaxMetaNameLength}");
            }

            if (valueBytes > options.MaxMetaValueLength)
            {
                throw new SwiftException(StatusCodes.Status400BadRequest, $"Metadata value longer than {options.MaxMetaValueLength}: {name}");
            }

            total += nameBytes + valueBytes;
        }

        if (total > options.MaxMetaOverallSize)
        {
            throw new SwiftException(StatusCodes.Status400BadRequest, $"Total metadata too large; max {options.MaxMetaOverallSize}");
        }
    }
}
