using FuncCloud.Functions.Volume.Api;
using FuncCloud.Functions.Volume.Services;
using FuncCloud.Shared.Volume.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Volume.Backups;

/// <summary><c>POST /backups/{backup_id}/restore</c>: 202 with cinder's <c>restore</c> view.</summary>
public sealed class RestoreVolumeBackup(CinderHttp http, BackupService service)
{
    [Function(nameof(RestoreVolumeBackup))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = VolumeRoutes.Project + "/backups/{backupId}/restore")] HttpRequest req,
        string projectId,
        string backupId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, projectId, async (call, body) =>
            CinderHttp.Json(BackupWire.Restore(await service.RestoreAsync(call, backupId, body, durable, cancellationToken)), StatusCodes.Status202Accepted),
            cancellationToken);
}
