using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Shared.OpenStack;

/// <summary>A link in a version document.</summary>
public sealed record Link(string Rel, string Href);

/// <summary>A media type a version accepts.</summary>
public sealed record MediaType(string Base, string Type);

/// <summary>One API version, as keystoneauth's discovery reads it.</summary>
public sealed record ApiVersion(
    string Id,
    string Status,
    string Updated,
    IReadOnlyList<Link> Links,
    [property: JsonPropertyName("media-types")] IReadOnlyList<MediaType> MediaTypes);

/// <summary>The body of <c>GET /service/vN</c>.</summary>
public sealed record VersionDocument(ApiVersion Version);

/// <summary>The body of <c>GET /service</c> (300 Multiple Choices).</summary>
public sealed record VersionList(VersionValues Versions);

/// <summary>The values of a <see cref="VersionList"/>.</summary>
public sealed record VersionValues(IReadOnlyList<ApiVersion> Values);

/// <summary>URL helpers for links in responses.</summary>
public static class RequestUrls
{
    /// <summary>The scheme, host and path base of <paramref name="request"/>, e.g. <c>http://127.0.0.1:7071</c>.</summary>
    public static string Origin(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";
}
