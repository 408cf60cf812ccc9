using FuncCloud.Functions.Network.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Network.Functions.Discovery;

/// <summary><c>GET /network</c>: the version list (neutron answers its root with 200).</summary>
public sealed class NetworkVersions(NeutronHttp http)
{
    [Function(nameof(NetworkVersions))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = NeutronRoutes.Root)] HttpRequest req) =>
        http.RunAsync(req, () => Task.FromResult(NeutronHttp.Json(NeutronDiscovery.Versions(req))));
}
