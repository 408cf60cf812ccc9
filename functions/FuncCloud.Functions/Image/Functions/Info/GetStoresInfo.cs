using System.Text.Json.Nodes;
using FuncCloud.Functions.Image.Api;
using FuncCloud.Shared.OpenStack;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Image.Functions.Info;

/// <summary><c>GET /v2/info/stores</c>: one store, the blob container (id <c>local</c>).</summary>
public sealed class GetStoresInfo(ImageHttp http)
{
    [Function(nameof(GetStoresInfo))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ImageRoutes.Info + "/stores")] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, _ => Task.FromResult(OpenStackHttp.Json(new JsonObject
        {
            ["stores"] = new JsonArray(new JsonObject { ["id"] = "local", ["description"] = "Azure Blob storage", ["default"] = true }),
        })), cancellationToken);
}
