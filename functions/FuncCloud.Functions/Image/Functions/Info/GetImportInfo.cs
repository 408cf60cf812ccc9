using System.Text.Json.Nodes;
using FuncCloud.Functions.Image.Api;
using FuncCloud.Functions.Image.Services;
using FuncCloud.Shared.OpenStack;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Image.Functions.Info;

/// <summary><c>GET /v2/info/import</c>: the enabled import methods (glance-direct only).</summary>
public sealed class GetImportInfo(ImageHttp http)
{
    [Function(nameof(GetImportInfo))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ImageRoutes.Info + "/import")] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, _ => Task.FromResult(OpenStackHttp.Json(new JsonObject
        {
            ["import-methods"] = new JsonObject
            {
                ["description"] = "Import methods available.",
                ["type"] = "array",
                ["value"] = new JsonArray(ImageImportService.GlanceDirect),
            },
        })), cancellationToken);
}
