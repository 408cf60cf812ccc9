using FuncCloud.Shared.Security;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Shared.Compute.Api;

/// <summary>An authenticated compute API call: the request, who makes it and the negotiated microversion.</summary>
public sealed record ComputeCall(HttpRequest Request, RequestContext Caller, ComputeApiVersion Version)
{
    /// <summary>The caller's project (nova's <c>context.project_id</c>).</summary>
    /// <exception cref="OpenStack.Errors.ForbiddenException">The token is not project-scoped.</exception>
    public string ProjectId => Caller.ProjectId
        ?? throw new OpenStack.Errors.ForbiddenException("The compute API requires a project-scoped token.");

    /// <summary>A query-string value, or null when absent.</summary>
    public string? Query(string name) => Request.Query.TryGetValue(name, out var value) ? value.ToString() : null;
}
