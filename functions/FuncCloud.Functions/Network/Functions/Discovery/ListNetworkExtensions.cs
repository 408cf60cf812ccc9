using FuncCloud.Functions.Network.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Network.Functions.Discovery;

/// <summary><c>GET /v2.0/extensions</c>: exactly the extensions implemented.</summary>
public sealed class ListNetworkExtensions(NeutronHttp http)
{
    [Function(nameof(ListNetworkExtensions))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = NeutronRoutes.Extensions)] HttpRequest req, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, _ => Task.FromResult(NeutronHttp.Json(NeutronExtensionList.All())), cancellationToken);
}
