using FuncCloud.Functions.Volume.Api;
using FuncCloud.Functions.Volume.Services;
using FuncCloud.Shared.Security.Policy;
using FuncCloud.Shared.Volume.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Volume.Backups;

/// <summary><c>GET /backups/detail</c>: the visible backups in full, filtered, sorted and paged.</summary>
public sealed class ListVolumeBackupsDetail(CinderHttp http, BackupService service, PolicyEnforcer policy)
{
    [Function(nameof(ListVolumeBackupsDetail))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = VolumeRoutes.Project + "/backups/detail")] HttpRequest req,
        string projectId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, projectId, async call =>
        {
            var page = VolumePaging.Apply(call, await service.ListAsync(call, cancellationToken), b => b.Id, BackupService.SortKey, BackupService.SortKeys, "backups/detail");
            var showProject = policy.IsAllowed(VolumePolicies.BackupProjectAttribute, call.Caller);
            return CinderHttp.Json(VolumePaging.Render(call, "backups", page, b => BackupWire.Detail(call, b, showProject)));
        }, cancellationToken);
}
