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
public sealed class InstanceActionWire(ServerRepository servers, InstanceActionRepository actions)
{
    public const string Collection = Servers.Api.ServerWire.Collection + "/{serverId}/os-instance-actions";

    public async Task<IReadOnlyList<InstanceActionRecord>> ListAsync(ComputeCall call, string serverId, CancellationToken cancellationToken)
    {
        await RequireServerAsync(call, serverId, cancellationToken);
        return await actions.ListAsync(serverId, cancellationToken);
    }

    public async Task<InstanceActionRecord> GetAsync(ComputeCall call, string serverId, string requestId, CancellationToken cancellationToken)
    {
        await RequireServerAsync(call, serverId, cancellationToken);
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

    public static JsonObject WithEvents(ComputeCall call, InstanceActionRecord action, string projectId)
    {
        var json = Action(call, action);
        json["events"] = new JsonArray([.. action.Events.Select(e =>
        {
            var item = new JsonObject
            {
                ["event"] = e.Event,
                ["start_time"] = Time(e.StartTime),
                ["finish_time"] = e.FinishTime is { } f ? Time(f) : null,
                ["result"] = e.Result,
            };
            if (call.Caller.IsAdmin)
            {
                item["traceback"] = e.Traceback;
            }

            if (call.Version.IsAtLeast(2, 62))
            {
                item["hostId"] = e.Host is null ? string.Empty : Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(projectId + e.Host))[..28]);
                if (call.Caller.IsAdmin)
                {
                    item["host"] = e.Host;
                }
            }

            return (JsonNode)item;
        })]);
        return json;
    }

    private async Task RequireServerAsync(ComputeCall call, string serverId, CancellationToken cancellationToken)
    {
        var server = await servers.FindAsync(serverId, cancellationToken);
        if (server is null || (!call.Caller.IsAdmin && server.ProjectId != call.Caller.ProjectId))
        {
            throw new ServerNotFoundException(serverId);
        }
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffff", CultureInfo.InvariantCulture);
}
