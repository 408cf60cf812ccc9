using FuncCloud.Functions.Compute.Servers.Api;
using FuncCloud.Functions.Compute.Servers.Services;
using FuncCloud.Shared.Compute.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Compute.Servers.Functions;

/// <summary><c>POST /servers</c>: 202 with the new server's id, links and admin password; the boot runs as a workflow.</summary>
public sealed class CreateServer(NovaHttp http, ServerCreator creator)
{
    [Function(nameof(CreateServer))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ServerWire.Collection)] HttpRequest req,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, async (call, body) =>
        {
            var request = ServerCreateRequest.Parse(body, call.Version);
            var created = await creator.CreateAsync(call, request, durable, cancellationToken);
            if (request.ReturnReservationId)
            {
                return NovaHttp.Json(new System.Text.Json.Nodes.JsonObject { ["reservation_id"] = created[0].ReservationId }, StatusCodes.Status202Accepted);
            }

            var adminPass = request.AdminPass ?? ServerWire.NewAdminPass();
            req.HttpContext.Response.Headers.Location = $"{ComputeRoutes.V21Url(req)}/servers/{created[0].Id}";
            return NovaHttp.Member("server", ServerWire.Created(req, created[0], adminPass, request.SecurityGroups), StatusCodes.Status202Accepted);
        }, cancellationToken);
}
