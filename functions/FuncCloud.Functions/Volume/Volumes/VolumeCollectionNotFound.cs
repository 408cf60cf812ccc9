using FuncCloud.Shared.Volume.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Volume.Volumes;

/// <summary>
/// <c>PUT</c> and <c>DELETE</c> on <c>/volumes</c> or <c>/volumes/</c> (an empty volume id): cinder's router matches
/// no route and answers 404. The route template ignores the trailing slash, so without this function the host would
/// answer 405 for a method the path does not take.
/// </summary>
public sealed class VolumeCollectionNotFound(CinderHttp http)
{
    [Function(nameof(VolumeCollectionNotFound))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", "delete", Route = VolumeRoutes.Project + "/volumes")] HttpRequest req,
        string projectId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, projectId, _ => throw new VolumeRouteNotFoundException(), cancellationToken);
}
