using FuncCloud.Shared.OpenStack;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Shared.Compute.Api;

/// <summary>Route templates of the compute API (catalog type <c>compute</c>, endpoint <c>/compute/v2.1</c>).</summary>
public static class ComputeRoutes
{
    /// <summary>The service root: version discovery.</summary>
    public const string Root = "compute";

    /// <summary>The legacy v2.0 root: its version document only.</summary>
    public const string V20 = Root + "/v2";

    /// <summary>The v2.1 root every compute resource lives under.</summary>
    public const string V21 = Root + "/v2.1";

    /// <summary>The absolute v2.1 root of <paramref name="request"/>, e.g. <c>http://127.0.0.1:7071/compute/v2.1</c>.</summary>
    public static string V21Url(HttpRequest request) => $"{RequestUrls.Origin(request)}/{V21}";

    /// <summary>The absolute service root of <paramref name="request"/> (links to <c>/compute/</c> documents).</summary>
    public static string RootUrl(HttpRequest request) => $"{RequestUrls.Origin(request)}/{Root}";
}
