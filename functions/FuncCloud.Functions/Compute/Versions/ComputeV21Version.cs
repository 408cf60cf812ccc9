using FuncCloud.Shared.Compute.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Versions;

/// <summary><c>GET /compute/v2.1</c>: the v2.1 document with <c>min_version</c> and <c>version</c> (the maximum microversion).</summary>
public sealed class ComputeV21Version(NovaHttp http)
{
    [Function(nameof(ComputeV21Version))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ComputeRoutes.V21)] HttpRequest req) =>
        http.RunAsync(req, _ => Task.FromResult(NovaHttp.Json(ComputeVersionDocuments.Version(req))));
}
