using FuncCloud.Shared.OpenStack.Errors;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Functions.ObjectStorage.Api;

/// <summary>
/// An error swift answers with: the status code, and either swift's own plain-text detail (e.g.
/// <c>Container name length of 300 longer than 256</c>) or, when <see cref="Detail"/> is null, swob's
/// standard page for the status (<c>&lt;html&gt;&lt;h1&gt;Not Found&lt;/h1&gt;&lt;p&gt;The resource could not be found.&lt;/p&gt;&lt;/html&gt;</c>).
/// </summary>
public class SwiftException(int statusCode, string? detail = null, Exception? inner = null)
    : OpenStackException(statusCode, SwiftStatus.Title(statusCode), detail ?? SwiftStatus.Explanation(statusCode), inner)
{
    /// <summary>The plain-text body, or null for the standard page.</summary>
    public string? Detail { get; } = detail;
}

/// <summary>Swift's reason phrases and standard explanations (swob's RESPONSE_REASONS).</summary>
public static class SwiftStatus
{
    private static readonly Dictionary<int, (string Title, string Explanation)> Reasons = new()
    {
        [400] = ("Bad Request", "The server could not comply with the request since it is either malformed or otherwise incorrect."),
        [401] = ("Unauthorized", "This server could not verify that you are authorized to access the document you requested."),
        [403] = ("Forbidden", "Access was denied to this resource."),
        [404] = ("Not Found", "The resource could not be found."),
        [405] = ("Method Not Allowed", "The method is not allowed for this resource."),
        [409] = ("Conflict", "There was a conflict when trying to complete your request."),
        [411] = ("Length Required", "Content-Length header required."),
        [412] = ("Precondition Failed", "A precondition for this request was not met."),
        [413] = ("Request Entity Too Large", "The body of your request was too large for this server."),
        [416] = ("Requested Range Not Satisfiable", "The Range requested is not available."),
        [422] = ("Unprocessable Entity", "Unable to process the contained instructions"),
        [500] = ("Internal Error", "The server has either erred or is incapable of performing the requested operation."),
        [503] = ("Service Unavailable", "The server is currently unavailable. Please try again at a later time."),
    };

    /// <summary>The reason phrase of <paramref name="statusCode"/>.</summary>
    public static string Title(int statusCode) => Reasons.TryGetValue(statusCode, out var reason) ? reason.Title : ReasonPhrases(statusCode);

    /// <summary>The standard explanation of <paramref name="statusCode"/>.</summary>
    public static string Explanation(int statusCode) => Reasons.TryGetValue(statusCode, out var reason) ? reason.Explanation : string.Empty;

    private static string ReasonPhrases(int statusCode) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(statusCode);
}

/// <summary>304 Not Modified: a conditional GET/HEAD whose precondition says the client's copy is current.</summary>
public sealed class SwiftNotModifiedException(string etag, DateTimeOffset lastModified) : SwiftException(StatusCodes.Status304NotModified)
{
    /// <summary>The current ETag (sent with the 304).</summary>
    public string Etag { get; } = etag;

    /// <summary>The current Last-Modified.</summary>
    public DateTimeOffset LastModified { get; } = lastModified;
}

/// <summary>416 with the object's size for <c>Content-Range: bytes */size</c>.</summary>
public sealed class SwiftRangeNotSatisfiableException(long size) : SwiftException(StatusCodes.Status416RangeNotSatisfiable)
{
    /// <summary>The object size.</summary>
    public long Size { get; } = size;
}
