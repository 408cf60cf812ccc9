using FuncCloud.Functions.Automation.Api;
using FuncCloud.Functions.Identity.Tokens;
using FuncCloud.Shared.Automation;
using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.OpenStack.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using System.Text.Json.Nodes;

namespace FuncCloud.Functions.Automation.Functions;

/// <summary>
/// <c>GET /automation/v1/requests/{correlation_id}</c>: the results row, to its owner only (same user and
/// project); anyone else gets 404, as for a row that does not exist. Refusals recorded before anyone was
/// authenticated belong to nobody: only an admin reads them.
/// </summary>
public sealed class ShowAutomationRequest(RequestAuthenticator authenticator, AutomationStore store)
{
    [Function(nameof(ShowAutomationRequest))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = AutomationRoutes.Request)] HttpRequest req,
        string correlationId, CancellationToken cancellationToken) =>
        OpenStackHttp.ExecuteAsync(req, KeystoneErrorBodyFormatter.Instance, async () =>
        {
            var caller = await authenticator.AuthenticateAsync(req, cancellationToken);
            var row = await store.GetAsync(correlationId, cancellationToken);
            if (row is null || !(row.Value.IsOwnedBy(caller.UserId, caller.ProjectId) || (row.Value.UserId is null && caller.IsAdmin)))
            {
                throw new ResourceNotFoundException("automation request", correlationId);
            }

            return OpenStackHttp.Json(new JsonObject { ["request"] = AutomationViews.Request(row.Value) });
        });
}
