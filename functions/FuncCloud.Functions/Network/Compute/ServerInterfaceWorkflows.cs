using System.Text.Json.Nodes;
using FuncCloud.Durable.Compute.Orchestrators;
using FuncCloud.Durable.Compute.Workflows;
using FuncCloud.Functions.Compute.Servers.Services;
using FuncCloud.Functions.Network.Services;
using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.InstanceActions;
using FuncCloud.Shared.Compute.Servers;
using FuncCloud.Shared.Network;
using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.Workflows;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace FuncCloud.Functions.Network.Compute;

/// <summary>
/// Starts the os-interface workflows: the instance action (<c>attach_interface</c> / <c>detach_interface</c>) is
/// recorded with its compute event started, the server's <c>Operation</c> names the workflow when it is free (so
/// network-vif-plugged is raised there), and an attach is waited for, as nova's API waits for its RPC call.
/// </summary>
public sealed class ServerInterfaceWorkflows(NetworkStore store, ServerRepository servers, ServerOperations operations, InstanceActionRepository actions, IOptions<ComputeOptions> options, TimeProvider time)
{
    /// <summary>Runs the attach workflow for a port the API bound to the server's node; null on success, else the reason.</summary>
    public async Task<string?> AttachAsync(ComputeCall call, ServerRecord server, JsonObject port, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var instanceId = await StartAsync(call, server, port, InterfaceActions.Attach, InterfaceActions.AttachStep, nameof(AttachInterfaceWorkflow), durable, cancellationToken);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(TimeSpan.FromSeconds(options.Value.VifPluggedTimeout + options.Value.AgentTimeoutSeconds + 60));
        try
        {
            var done = await durable.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, wait.Token);
            return done.RuntimeStatus == OrchestrationRuntimeStatus.Completed
                ? done.ReadOutputAs<InterfaceWorkflowOutcome>()?.Error
                : $"the attach workflow ended {done.RuntimeStatus}";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return "the attach did not finish in time";
        }
    }

    /// <summary>Starts the detach workflow (nova answers 202 and detaches asynchronously).</summary>
    public Task DetachAsync(ComputeCall call, ServerRecord server, JsonObject port, DurableTaskClient durable, CancellationToken cancellationToken) =>
        StartAsync(call, server, port, InterfaceActions.Detach, InterfaceActions.DetachStep, nameof(DetachInterfaceWorkflow), durable, cancellationToken);

    private async Task<string> StartAsync(
        ComputeCall call, ServerRecord server, JsonObject port, string action, string step, string workflow, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var requestId = RequestIds.Get(call.Request.HttpContext);
        var instanceId = ComputeWorkflowIds.Action(server.Id, action, requestId);
        await servers.UpdateAsync(server.Id, s => s.TaskState is null && s.Operation is null ? s with { Operation = instanceId } : s, cancellationToken);
        await operations.RecordAsync(call, server, action, cancellationToken);
        await actions.EventStartAsync(server.Id, requestId, step, server.Host, time.GetUtcNow(), cancellationToken);
        var network = (await store.GetAsync(ResourceKindNames.Network, port.Str("network_id")!, cancellationToken))?.Body;
        var input = new InterfaceWorkflowInput(server.Id, requestId, server.Host!, ServerPortService.Spec(port, network), options.Value.VifPluggedTimeout, options.Value.AgentTimeoutSeconds);
        try
        {
            await durable.ScheduleNewOrchestrationInstanceAsync(
                workflow, input, new StartOrchestrationOptions(instanceId) { Tags = WorkflowTags.For(WorkflowResourceTypes.Server, server.Id, server.ProjectId) }, cancellationToken);
        }
        catch
        {
            await servers.UpdateAsync(server.Id, s => s.Operation == instanceId ? s with { Operation = null } : s, CancellationToken.None);
            throw;
        }

        return instanceId;
    }
}
