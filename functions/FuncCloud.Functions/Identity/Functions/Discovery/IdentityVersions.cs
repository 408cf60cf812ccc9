using FuncCloud.Functions.Identity.Api;
using FuncCloud.Shared.OpenStack;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Identity.Functions.Discovery;

/// <summary><c>GET /identity</c>: 300 Multiple Choices listing v3, as keystoneauth's discovery expects.</summary>
public sealed class IdentityVersions(IdentityHttp http)
{
    [Function(nameof(IdentityVersions))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = IdentityRoutes.Root)] HttpRequest req) =>
        http.RunAsync(req, () => Task.FromResult(OpenStackHttp.Json(new VersionList(new VersionValues([IdentityV3Version.Describe(req)])), StatusCodes.Status300MultipleChoices)));
}
