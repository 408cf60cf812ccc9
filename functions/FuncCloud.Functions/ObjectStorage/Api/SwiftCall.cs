using FuncCloud.Shared.Security;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Functions.ObjectStorage.Api;

/// <summary>One swift request: the HTTP request, the names it addresses, and the caller (null when anonymous).</summary>
public sealed record SwiftCall(HttpRequest Request, SwiftPath Path, RequestContext? Caller, string TransId)
{
    /// <summary>The account (<c>AUTH_{project}</c>).</summary>
    public string Account => Path.Account;

    /// <summary>The container name (required by container and object calls).</summary>
    public string Container => Path.Container ?? throw new SwiftException(StatusCodes.Status404NotFound);

    /// <summary>The object name (required by object calls).</summary>
    public string Object => Path.Object ?? throw new SwiftException(StatusCodes.Status404NotFound);

    /// <summary>A request header, or null when absent.</summary>
    public string? Header(string name) => Request.Headers.TryGetValue(name, out var value) ? value.ToString() : null;

    /// <summary>A query parameter, or null when absent.</summary>
    public string? Query(string name) => Request.Query.TryGetValue(name, out var value) ? value.ToString() : null;

    /// <summary>True when the query holds <paramref name="name"/> (with or without a value).</summary>
    public bool HasQuery(string name) => Request.Query.ContainsKey(name);

    /// <summary>True for HEAD.</summary>
    public bool IsHead => HttpMethods.IsHead(Request.Method);
}
