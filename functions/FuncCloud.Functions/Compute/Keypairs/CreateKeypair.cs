using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.Keypairs;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Keypairs;

/// <summary><c>POST /os-keypairs</c>: generate (the private key is in this response only) or import; 201 from 2.2, 200 before.</summary>
public sealed class CreateKeypair(NovaHttp http, KeypairService keypairs)
{
    [Function(nameof(CreateKeypair))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = KeypairWire.Collection)] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, async (call, body) =>
        {
            var created = await keypairs.CreateAsync(call, body, cancellationToken);
            return NovaHttp.Member("keypair", KeypairWire.Created(call.Version, created), call.Version.IsAtLeast(2, 2) ? StatusCodes.Status201Created : StatusCodes.Status200OK);
        }, cancellationToken);
}
