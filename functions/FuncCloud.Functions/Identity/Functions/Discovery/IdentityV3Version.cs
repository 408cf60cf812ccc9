using FuncCloud.Functions.Identity.Api;
using FuncCloud.Shared.OpenStack;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Identity.Functions.Discovery;

/// <summary><c>GET /identity/v3</c>: the v3 version document.</summary>
public sealed class IdentityV3Version(IdentityHttp http)
{
    /// <summary>The v3 entry (keystone 3.14 semantics).</summary>
    public static ApiVersion Describe(HttpRequest request) => new(
        "v3.14",
        "stable",
        "2020-04-07T00:00:00Z",
        [new Link("self", IdentityRoutes.V3Url(request) + "/")],
        [new MediaType("application/json", "application/vnd.openstack.identity-v3+json")]);

    [Function(nameof(IdentityV3Version))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = IdentityRoutes.V3)] HttpRequest req) =>
        http.RunAsync(req, () => Task.FromResult(OpenStackHttp.Json(new VersionDocument(Describe(req)))));
}
