using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.Keypairs;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Keypairs;

/// <summary><c>GET /os-keypairs/{keypair_name}</c>.</summary>
public sealed class GetKeypair(NovaHttp http, KeypairService keypairs)
{
    [Function(nameof(GetKeypair))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = KeypairWire.Collection + "/{keypairName}")] HttpRequest req,
        string keypairName,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
            NovaHttp.Member("keypair", KeypairWire.Detail(call.Version, await keypairs.GetAsync(call, keypairName, cancellationToken))), cancellationToken);
}
