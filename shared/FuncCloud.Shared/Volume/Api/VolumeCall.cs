using FuncCloud.Shared.Security;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Shared.Volume.Api;

/// <summary>
/// An authenticated block storage call: the request, the caller, the negotiated microversion and the
/// project of the URL (which cinder requires to be the token's project).
/// </summary>
public sealed record VolumeCall(HttpRequest Request, RequestContext Caller, VolumeApiVersion Version, string ProjectId)
{
    /// <summary>A query-string value, or null when absent.</summary>
    public string? Query(string name) => Request.Query.TryGetValue(name, out var value) ? value.ToString() : null;

    /// <summary>The policy target for a resource owned by <paramref name="projectId"/>.</summary>
    public static IReadOnlyDictionary<string, string?> Target(string projectId) => new Dictionary<string, string?> { ["project_id"] = projectId };

    /// <summary>The absolute project root (<c>…/volume/v3/{project_id}</c>) for links.</summary>
    public string ProjectUrl => VolumeRoutes.ProjectUrl(Request, ProjectId);
}
