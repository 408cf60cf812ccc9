using FuncCloud.Shared.Compute.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Versions;

/// <summary><c>GET /compute</c>: the versions list keystoneauth reads after stripping <c>/v2.1</c> from the catalog URL.</summary>
public sealed class ComputeVersions(NovaHttp http)
{
    [Function(nameof(ComputeVersions))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ComputeRoutes.Root)] HttpRequest req) =>
        http.RunAsync(req, _ => Task.FromResult(NovaHttp.Json(ComputeVersionDocuments.Versions(req))));
}
