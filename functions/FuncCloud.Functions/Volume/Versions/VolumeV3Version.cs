using FuncCloud.Shared.Volume.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Volume.Versions;

/// <summary><c>GET /volume/v3</c>: the v3 document (cinder answers it as a one-entry <c>versions</c> list).</summary>
public sealed class VolumeV3Version(CinderHttp http)
{
    [Function(nameof(VolumeV3Version))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = VolumeRoutes.V3)] HttpRequest req) =>
        http.RunAsync(req, _ => Task.FromResult(CinderHttp.Json(VolumeVersionDocuments.Versions(req))));
}
