using FuncCloud.Functions.Volume.Api;
using FuncCloud.Functions.Volume.Services;
using FuncCloud.Shared.Volume.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Volume.Backups;

/// <summary><c>GET /backups</c>: the visible backups' summaries, filtered, sorted and paged.</summary>
public sealed class ListVolumeBackups(CinderHttp http, BackupService service)
{
    [Function(nameof(ListVolumeBackups))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = VolumeRoutes.Project + "/backups")] HttpRequest req,
        string projectId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, projectId, async call =>
        {
            var page = VolumePaging.Apply(call, await service.ListAsync(call, cancellationToken), b => b.Id, BackupService.SortKey, BackupService.SortKeys, "backups");
            return CinderHttp.Json(VolumePaging.Render(call, "backups", page, b => BackupWire.Summary(call, b)));
        }, cancellationToken);
}
