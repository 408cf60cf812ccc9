using FuncCloud.Functions.Volume.Api;
using FuncCloud.Functions.Volume.Services;
using FuncCloud.Shared.Volume.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Volume.Snapshots;

/// <summary><c>POST /snapshots</c>: 202 with the new snapshot (<c>creating</c>).</summary>
public sealed class CreateVolumeSnapshot(CinderHttp http, SnapshotService service)
{
    [Function(nameof(CreateVolumeSnapshot))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = VolumeRoutes.Project + "/snapshots")] HttpRequest req,
        string projectId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, projectId, async (call, body) =>
            CinderHttp.Member("snapshot", VolumeWire.Snapshot(call, await service.CreateAsync(call, body, durable, cancellationToken), extended: false), StatusCodes.Status202Accepted),
            cancellationToken);
}
