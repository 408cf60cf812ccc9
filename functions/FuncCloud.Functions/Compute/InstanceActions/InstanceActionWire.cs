using System.Globalization;
using System.Text.Json.Nodes;
using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.InstanceActions;
using FuncCloud.Shared.Compute.Servers;
using FuncCloud.Shared.OpenStack.Errors;

namespace FuncCloud.Functions.Compute.InstanceActions;

/// <summary>
/// os-instance-actions views (nova's): actions newest first; events with traceback for admins (nova's
/// default policy) and host/hostId from 2.62. Actions stay readable after the server is deleted, as in nova.
/// </summary>
public sealed class InstanceActionWire(ServerRepository servers, InstanceActionRepository actions, Servers.Services.ServerPolicy policy)
{
    public const string Collection = Servers.Api.ServerWire.Collection + "/{serverId}/os-instance-actions";

    public async Task<IReadOnlyList<InstanceActionRecord>> ListAsync(ComputeCall call, string serverId, CancellationToken cancellationToken)
    {
        await RequireServerAsync(call, serverId, ServerPolicies.InstanceActionsList, cancellationToken);
        return await actions.ListAsync(serverId, cancellationToken);
    }

    public async Task<InstanceActionRecord> GetAsync(ComputeCall call, string serverId, string requestId, CancellationToken cancellationToken)
    {
        await RequireServerAsync(call, serverId, ServerPolicies.InstanceActionsShow, cancellationToken);
        return await actions.GetAsync(serverId, requestId, cancellationToken)
            ?? throw new ComputeResourceNotFoundException("instance_action", requestId, $"Action {requestId} could not be found for instance {serverId}.");
    }

    public static JsonObject Action(ComputeCall call, InstanceActionRecord action)
    {
        var json = new JsonObject
        {
            ["action"] = action.Action,
            ["instance_uuid"] = action.ServerId,
            ["message"] = action.Message,
            ["project_id"] = action.ProjectId,
            ["request_id"] = action.RequestId,
            ["start_time"] = Time(action.StartTime),
            ["user_id"] = action.UserId,
        };
        if (call.Version.IsAtLeast(2, 58))
        {
            json["updated_at"] = Time(action.UpdatedAt);
        }

        return json;
    }

    /// <summary>Whether the caller sees events before 2.51, their tracebacks and hosts (<c>os-instance-actions:events</c>).</summary>
    public bool CanSeeEventDetails(ComputeCall call) => policy.IsAllowed(ServerPolicies.InstanceActionsEvents, call.Caller);

    public static JsonObject WithEvents(ComputeCall call, InstanceActionRecord action, string projectId, bool privileged)
    {
        var json = Action(call, action);
        if (!privileged && !call.Version.IsAtLeast(2, 51))
        {
            return json;
        }

        json["events"] = new JsonArray([.. action.Events.Select(e =>
        {
            var item = new JsonObject
            {
                ["event"] = e.Event,
                ["start_time"] = Time(e.StartTime),
                ["finish_time"] = e.FinishTime is { } f ? Time(f) : null,
                ["result"] = e.Result,
            };
            if (privileged)
            {
                item["traceback"] = e.Traceback;
            }

            if (call.Version.IsAtLeast(2, 62))
            {
                item["hostId"] = e.Host is null ? string.Empty : Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(projectId + e.Host))[..28]);
                if (privileged)
                {
                    item["host"] = e.Host;
                }
            }

            return (JsonNode)item;
        })]);
        return json;
    }

    // Deleted servers keep their actions readable (nova reads them with read_deleted=yes); others' servers are 404.
    private async Task RequireServerAsync(ComputeCall call, string serverId, string rule, CancellationToken cancellationToken)
    {
        var server = await servers.FindAsync(serverId, cancellationToken);
        if (server is null || (!call.Caller.IsAdmin && server.ProjectId != call.Caller.ProjectId))
        {
            throw new ServerNotFoundException(serverId);
        }

        policy.Enforce(rule, call.Caller, server);
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffff", CultureInfo.InvariantCulture);
}
