using FuncCloud.Shared.OpenStack;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Functions.Identity.Api;

/// <summary>Routes and link URLs of the identity API.</summary>
public static class IdentityRoutes
{
    /// <summary>The service root (catalog type <c>identity</c>).</summary>
    public const string Root = "identity";

    /// <summary>The v3 root.</summary>
    public const string V3 = Root + "/v3";

    /// <summary>The absolute v3 root of <paramref name="request"/>, e.g. <c>http://127.0.0.1:7071/identity/v3</c>.</summary>
    public static string V3Url(HttpRequest request) => $"{RequestUrls.Origin(request)}/{V3}";
}
