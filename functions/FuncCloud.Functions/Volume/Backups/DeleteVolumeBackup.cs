using FuncCloud.Functions.Volume.Api;
using FuncCloud.Functions.Volume.Services;
using FuncCloud.Shared.Volume.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Volume.Backups;

/// <summary><c>DELETE /backups/{backup_id}</c>: 202.</summary>
public sealed class DeleteVolumeBackup(CinderHttp http, BackupService service)
{
    [Function(nameof(DeleteVolumeBackup))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = VolumeRoutes.Project + "/backups/{backupId}")] HttpRequest req,
        string projectId,
        string backupId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, projectId, async call =>
        {
            await service.DeleteAsync(call, backupId, durable, cancellationToken);
            return CinderHttp.Empty(StatusCodes.Status202Accepted);
        }, cancellationToken);
}
