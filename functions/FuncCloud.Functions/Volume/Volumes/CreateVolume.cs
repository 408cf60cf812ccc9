using FuncCloud.Functions.Volume.Api;
using FuncCloud.Functions.Volume.Services;
using FuncCloud.Shared.Volume.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Volume.Volumes;

/// <summary><c>POST /volumes</c>: 202 with the new volume (<c>creating</c>); the create runs as a workflow.</summary>
public sealed class CreateVolume(CinderHttp http, VolumeService service)
{
    [Function(nameof(CreateVolume))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = VolumeRoutes.Project + "/volumes")] HttpRequest req,
        string projectId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, projectId, async (call, body) =>
            CinderHttp.Member("volume", VolumeWire.Detail(call, await service.CreateAsync(call, body, durable, cancellationToken), call.Caller.IsAdmin, extended: false), StatusCodes.Status202Accepted),
            cancellationToken);
}
