using FuncCloud.Functions.Network.Api;
using FuncCloud.Functions.Network.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Network.Functions.Discovery;

/// <summary><c>GET /network/v2.0</c>: the collections this API serves.</summary>
public sealed class NetworkV2Root(NeutronHttp http, ResourceRegistry registry)
{
    [Function(nameof(NetworkV2Root))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = NeutronRoutes.V2)] HttpRequest req) =>
        http.RunAsync(req, () => Task.FromResult(NeutronHttp.Json(NeutronDiscovery.Resources(req, registry))));
}
