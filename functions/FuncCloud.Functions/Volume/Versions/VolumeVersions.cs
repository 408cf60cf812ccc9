using FuncCloud.Shared.Volume.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Volume.Versions;

/// <summary><c>GET /volume</c>: 300 Multiple Choices with the versions list, as cinder answers its root.</summary>
public sealed class VolumeVersions(CinderHttp http)
{
    [Function(nameof(VolumeVersions))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = VolumeRoutes.Root)] HttpRequest req) =>
        http.RunAsync(req, _ => Task.FromResult(CinderHttp.Json(VolumeVersionDocuments.Versions(req), StatusCodes.Status300MultipleChoices)));
}
