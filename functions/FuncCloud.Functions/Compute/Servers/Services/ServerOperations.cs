using System.Text.Json;
using FuncCloud.Durable.Compute.Orchestrators;
using FuncCloud.Durable.Compute.Workflows;
using FuncCloud.Shared.Workflows;
using FuncCloud.Shared.Agents;
using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.InstanceActions;
using FuncCloud.Shared.Compute.ServerGroups;
using FuncCloud.Shared.Compute.Servers;
using FuncCloud.Shared.OpenStack;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace FuncCloud.Functions.Compute.Servers.Services;

/// <summary>
/// Every state-changing server request goes through here: the transition table admits it with a
/// compare-and-swap on the server (so two racing requests cannot both start), the instance action is
/// recorded, and the workflow is started with instance id = server + operation (+ request id).
/// </summary>
public sealed class ServerOperations(
    ServerRepository servers,
    InstanceActionRepository actions,
    IServerGroupMembership membership,
    ServerPolicy policy,
    IOptions<ComputeOptions> options,
    TimeProvider time)
{
    /// <summary>Changes the server through <paramref name="change"/> after checking visibility and <c>servers:update</c>.</summary>
    public Task<ServerRecord> UpdateAsync(ComputeCall call, string serverId, Func<ServerRecord, ServerRecord> change, CancellationToken cancellationToken) =>
        UpdateAsync(call, serverId, ServerPolicies.Update, change, cancellationToken);

    /// <summary>Changes the server through <paramref name="change"/> after checking visibility (404) and then <paramref name="rule"/> (403).</summary>
    public async Task<ServerRecord> UpdateAsync(ComputeCall call, string serverId, string rule, Func<ServerRecord, ServerRecord> change, CancellationToken cancellationToken) =>
        await servers.UpdateAsync(serverId, s =>
        {
            if (!ServerQueries.IsVisible(call, s))
            {
                throw new ServerNotFoundException(serverId);
            }

            policy.Enforce(rule, call.Caller, s);
            return change(s);
        }, cancellationToken) ?? throw new ServerNotFoundException(serverId);

    /// <summary>
    /// <c>DELETE /servers/{id}</c>. A building server is handed to its boot workflow (which lets an in-flight
    /// spawn settle, destroys it and releases the claim); any other goes to the delete workflow.
    /// </summary>
    public async Task DeleteAsync(ComputeCall call, string serverId, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var requestId = RequestIds.Get(call.Request.HttpContext);
        var alreadyDeleting = false;
        var server = await UpdateAsync(call, serverId, ServerPolicies.Delete, s =>
        {
            alreadyDeleting = s.TaskState == TaskStates.Deleting;
            if (alreadyDeleting)
            {
                return s;
            }

            var begun = ServerTransitions.Begin(s, ServerActions.Delete, call.Caller.IsAdmin, time.GetUtcNow()) with { DeleteRequestId = requestId };
            return s.VmState == VmStates.Building && s.Operation is not null ? begun : begun with { Operation = ComputeWorkflowIds.Delete(s.Id) };
        }, cancellationToken);
        if (alreadyDeleting)
        {
            return;
        }

        await RecordAsync(call, server, ServerActions.Delete, requestId, server.Operation, cancellationToken);
        if (server.SchedulerHints.Group is { } group)
        {
            await membership.RemoveMemberAsync(group, server.Id, cancellationToken);
        }

        if (server.VmState == VmStates.Building && server.Operation == ComputeWorkflowIds.Create(server.Id)
            && await durable.GetInstanceAsync(server.Operation, cancellationToken) is { IsRunning: true } or { RuntimeStatus: OrchestrationRuntimeStatus.Pending })
        {
            await durable.RaiseEventAsync(server.Operation, ComputeEvents.DeleteRequested, new DeleteRequest(requestId), cancellationToken);
            return;
        }

        await servers.UpdateAsync(server.Id, s => s with { Operation = ComputeWorkflowIds.Delete(s.Id) }, cancellationToken);
        await durable.ScheduleNewOrchestrationInstanceAsync(
            nameof(DeleteServerWorkflow),
            new DeleteServerInput(server.Id, requestId, server.Host, options.Value.AgentTimeoutSeconds),
            new StartOrchestrationOptions(ComputeWorkflowIds.Delete(server.Id)) { Tags = WorkflowTags.For(WorkflowResourceTypes.Server, server.Id, server.ProjectId) },
            cancellationToken);
    }

    /// <summary>Starts an agent-backed action (reboot, stop ...) on a server admitted by the transition table.</summary>
    public async Task<ServerRecord> StartActionAsync<TPayload>(
        ComputeCall call, string serverId, string action, TPayload payload, DurableTaskClient durable, CancellationToken cancellationToken,
        Func<ServerRecord, ServerRecord>? alsoChange = null, Shared.Compute.Servers.ServerFlavor? newFlavor = null, string? newImageId = null, string? snapshotImageId = null)
        where TPayload : IAgentCommandPayload
    {
        var requestId = RequestIds.Get(call.Request.HttpContext);
        var instanceId = ComputeWorkflowIds.Action(serverId, action, requestId);
        var server = await UpdateAsync(call, serverId, ServerPolicy.ForAction(action), s =>
        {
            var begun = ServerTransitions.Begin(s, action, call.Caller.IsAdmin, time.GetUtcNow()) with { Operation = instanceId };
            return alsoChange is null ? begun : alsoChange(begun);
        }, cancellationToken);
        if (server.Host is not { } host)
        {
            await servers.UpdateAsync(serverId, s => s with { TaskState = null, Operation = null }, cancellationToken);
            throw new ServerStateConflictException(serverId, action, "host", "None");
        }

        await RecordAsync(call, server, action == ServerActions.RebootHard ? ServerActions.Reboot : action, requestId, instanceId, cancellationToken);
        var input = new ServerActionInput(
            serverId, requestId, action, host, TPayload.Kind, JsonSerializer.SerializeToElement(payload, AgentJson.Options), newFlavor, newImageId, options.Value.AgentTimeoutSeconds, snapshotImageId);
        try
        {
            await durable.ScheduleNewOrchestrationInstanceAsync(
                nameof(ServerActionWorkflow), input, new StartOrchestrationOptions(instanceId) { Tags = WorkflowTags.For(WorkflowResourceTypes.Server, serverId, server.ProjectId) }, cancellationToken);
        }
        catch
        {
            // Nothing runs the action: give the server back its state instead of leaving a task forever.
            await servers.UpdateAsync(serverId, s => s.Operation == instanceId ? s with { TaskState = null, Operation = null } : s, CancellationToken.None);
            throw;
        }

        return server;
    }

    /// <summary>Records a synchronous action (lock, unlock) in the server's event list, as nova's compute API does.</summary>
    public Task RecordAsync(ComputeCall call, ServerRecord server, string action, CancellationToken cancellationToken) =>
        RecordAsync(call, server, action, RequestIds.Get(call.Request.HttpContext), null, cancellationToken);

    private Task RecordAsync(ComputeCall call, ServerRecord server, string action, string requestId, string? workflowId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return actions.StartAsync(new InstanceActionRecord(action, server.Id, requestId, call.Caller.ProjectId ?? server.ProjectId, call.Caller.UserId, now, now, null, workflowId, []), cancellationToken);
    }
}
