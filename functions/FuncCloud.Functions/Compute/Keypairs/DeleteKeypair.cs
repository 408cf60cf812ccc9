using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.Keypairs;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Keypairs;

/// <summary><c>DELETE /os-keypairs/{keypair_name}</c>: 204 from 2.2, 202 before.</summary>
public sealed class DeleteKeypair(NovaHttp http, KeypairService keypairs)
{
    [Function(nameof(DeleteKeypair))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = KeypairWire.Collection + "/{keypairName}")] HttpRequest req,
        string keypairName,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
        {
            await keypairs.DeleteAsync(call, keypairName, cancellationToken);
            return NovaHttp.Empty(call.Version.IsAtLeast(2, 2) ? StatusCodes.Status204NoContent : StatusCodes.Status202Accepted);
        }, cancellationToken);
}
