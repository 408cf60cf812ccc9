using FuncCloud.Functions.Volume.Api;
using FuncCloud.Functions.Volume.Services;
using FuncCloud.Shared.Volume.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Volume.Backups;

/// <summary><c>POST /backups</c>: 202 with the new backup's summary (<c>creating</c>).</summary>
public sealed class CreateVolumeBackup(CinderHttp http, BackupService service)
{
    [Function(nameof(CreateVolumeBackup))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = VolumeRoutes.Project + "/backups")] HttpRequest req,
        string projectId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, projectId, async (call, body) =>
            CinderHttp.Member("backup", BackupWire.Summary(call, await service.CreateAsync(call, body, durable, cancellationToken)), StatusCodes.Status202Accepted),
            cancellationToken);
}
