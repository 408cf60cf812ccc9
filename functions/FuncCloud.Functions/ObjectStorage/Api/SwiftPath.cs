using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace FuncCloud.Functions.ObjectStorage.Api;

/// <summary>The account, container and object a request addresses, decoded from the raw request target.</summary>
public sealed record SwiftPath(string Account, string ProjectId, string? Container, string? Object)
{
    /// <summary>Swift's name limits.</summary>
    public const int MaxContainerNameBytes = 256;

    /// <summary>Swift's name limits.</summary>
    public const int MaxObjectNameBytes = 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    /// <summary>
    /// Parses the raw target (not the decoded path: <c>%2F</c> in a name must stay part of the name, and
    /// object names may hold <c>//</c>). Everything after the container is the object name.
    /// </summary>
    /// <exception cref="SwiftException">412 for names that are not valid UTF-8 or hold NUL; 400 over the length limits.</exception>
    public static SwiftPath Parse(HttpRequest request)
    {
        var raw = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.Value ?? string.Empty;
        var query = raw.IndexOf('?');
        if (query >= 0)
        {
            raw = raw[..query];
        }

        var root = "/" + SwiftRoutes.V1 + "/";
        var start = raw.IndexOf(root, StringComparison.Ordinal);
        var rest = start >= 0 ? raw[(start + root.Length)..] : string.Empty;
        var parts = rest.Split('/', 3);
        var account = Decode(parts[0]);
        var container = parts.Length > 1 && parts[1].Length > 0 ? Decode(parts[1]) : null;
        var objectName = parts.Length > 2 && parts[2].Length > 0 ? Decode(parts[2]) : null;
        if (container is not null && Encoding.UTF8.GetByteCount(container) > MaxContainerNameBytes)
        {
            throw new SwiftException(400, $"Container name length of {Encoding.UTF8.GetByteCount(container)} longer than {MaxContainerNameBytes}");
        }

        if (objectName is not null && Encoding.UTF8.GetByteCount(objectName) > MaxObjectNameBytes)
        {
            throw new SwiftException(400, $"Object name length of {Encoding.UTF8.GetByteCount(objectName)} longer than {MaxObjectNameBytes}");
        }

        var projectId = account.StartsWith(SwiftRoutes.AccountPrefix, StringComparison.Ordinal) ? account[SwiftRoutes.AccountPrefix.Length..] : string.Empty;
        return new SwiftPath(account, projectId, container, objectName);
    }

    /// <summary>Percent-decodes one path part into a swift name.</summary>
    public static string Decode(string part)
    {
        var bytes = new List<byte>(part.Length);
        for (var i = 0; i < part.Length; i++)
        {
            if (part[i] == '%' && i + 2 < part.Length && Uri.IsHexDigit(part[i + 1]) && Uri.IsHexDigit(part[i + 2]))
            {
                bytes.Add(Convert.ToByte(part.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(part[i].ToString()));
            }
        }

        try
        {
            var name = StrictUtf8.GetString(bytes.ToArray());
            return name.Contains('\0') ? throw new SwiftException(412, "Invalid UTF8 or contains NULL") : name;
        }
        catch (DecoderFallbackException)
        {
            throw new SwiftException(412, "Invalid UTF8 or contains NULL");
        }
    }
}
