using FuncCloud.Functions.Network.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Network.Functions.Discovery;

/// <summary><c>GET /v2.0/extensions/{alias}</c>.</summary>
public sealed class ShowNetworkExtension(NeutronHttp http)
{
    [Function(nameof(ShowNetworkExtension))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = NeutronRoutes.Extensions + "/{alias}")] HttpRequest req,
        string alias, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, _ => Task.FromResult(NeutronExtensionList.One(alias) is { } found
            ? NeutronHttp.Json(found)
            : throw NeutronException.NotFound("ExtensionNotFound", $"Extension with alias {alias} does not exist")), cancellationToken);
}
