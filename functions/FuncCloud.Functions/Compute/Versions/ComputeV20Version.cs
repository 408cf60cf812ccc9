using FuncCloud.Shared.Compute.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Versions;

/// <summary><c>GET /compute/v2</c>: the v2.0 entry's document, so the link the version list gives answers.</summary>
public sealed class ComputeV20Version(NovaHttp http)
{
    [Function(nameof(ComputeV20Version))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ComputeRoutes.V20)] HttpRequest req) =>
        http.RunAsync(req, _ => Task.FromResult(NovaHttp.Json(ComputeVersionDocuments.Version20(req))));
}
