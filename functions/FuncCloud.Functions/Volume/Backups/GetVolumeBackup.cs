using FuncCloud.Functions.Volume.Api;
using FuncCloud.Functions.Volume.Services;
using FuncCloud.Shared.Security.Policy;
using FuncCloud.Shared.Volume.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Volume.Backups;

/// <summary><c>GET /backups/{backup_id}</c>.</summary>
public sealed class GetVolumeBackup(CinderHttp http, BackupService service, PolicyEnforcer policy)
{
    [Function(nameof(GetVolumeBackup))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = VolumeRoutes.Project + "/backups/{backupId}")] HttpRequest req,
        string projectId,
        string backupId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, projectId, async call =>
        {
            var backup = await service.GetAsync(call, backupId, VolumePolicies.GetBackup, cancellationToken);
            return CinderHttp.Member("backup", BackupWire.Detail(call, backup, policy.IsAllowed(VolumePolicies.BackupProjectAttribute, call.Caller)));
        }, cancellationToken);
}
