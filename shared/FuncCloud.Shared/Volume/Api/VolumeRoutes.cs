using FuncCloud.Shared.OpenStack;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Shared.Volume.Api;

/// <summary>
/// Route templates of the block storage API (catalog types <c>volumev3</c> and <c>block-storage</c>,
/// endpoint <c>/volume/v3/$(project_id)s</c>, the project substituted by Keystone as cinder's catalog does).
/// </summary>
public static class VolumeRoutes
{
    /// <summary>The service root: version discovery.</summary>
    public const string Root = "volume";

    /// <summary>The v3 root (its version document).</summary>
    public const string V3 = Root + "/v3";

    /// <summary>The project root every resource lives under.</summary>
    public const string Project = V3 + "/{projectId}";

    /// <summary>The catalog path; Keystone substitutes the token's project.</summary>
    public const string CatalogPath = V3 + "/$(project_id)s";

    /// <summary>The absolute v3 root of <paramref name="request"/>.</summary>
    public static string V3Url(HttpRequest request) => $"{RequestUrls.Origin(request)}/{V3}";

    /// <summary>The absolute project root of <paramref name="request"/> for <paramref name="projectId"/>.</summary>
    public static string ProjectUrl(HttpRequest request, string projectId) => $"{V3Url(request)}/{projectId}";
}
