using FuncCloud.Functions.Volume.Api;
using FuncCloud.Functions.Volume.Services;
using FuncCloud.Shared.Volume.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Volume.Backups;

/// <summary><c>PUT /backups/{backup_id}</c> (3.9+): name, description, metadata (3.43+); 200 with the summary.</summary>
public sealed class UpdateVolumeBackup(CinderHttp http, BackupService service)
{
    [Function(nameof(UpdateVolumeBackup))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = VolumeRoutes.Project + "/backups/{backupId}")] HttpRequest req,
        string projectId,
        string backupId,
        CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, projectId, async (call, body) =>
        {
            if (!call.Version.IsAtLeast(9))
            {
                throw new VolumeResourceNotFoundException("API version", $"{call.Version} of PUT /backups/{{backup_id}} (3.9 or later is required)");
            }

            return CinderHttp.Member("backup", BackupWire.Summary(call, await service.UpdateAsync(call, backupId, body, cancellationToken)));
        }, cancellationToken);
}
