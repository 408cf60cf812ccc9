using FuncCloud.Durable.Compute.Activities;
using FuncCloud.Durable.Compute.Workflows;
using FuncCloud.Shared.Agents.Commands;
using FuncCloud.Shared.Compute.Servers;
using Microsoft.DurableTask;

namespace FuncCloud.Durable.Compute.Orchestrators;

/// <summary>
/// The end of every server: destroy on its node, release its ports and every claim, mark DELETED. Shared by the delete
/// workflow and by a boot that a delete overtook. A node that is down (or does not answer) does not block the
/// delete: the destroy stays queued for its agent (nova's local delete) and the step says so.
/// </summary>
internal static class ServerTeardown
{
    /// <returns>True when the server ended DELETED; false when the node refused to destroy it (ERROR).</returns>
    public static async Task<bool> RunAsync(TaskOrchestrationContext context, string serverId, string requestId, string? host, int timeoutSeconds)
    {
        string? details = null;
        if (host is not null)
        {
            var command = AgentCalls.Command(context, new DestroyCommand(serverId), timeoutSeconds);
            var nodeUp = await context.CallActivityAsync<bool>(nameof(DispatchCommand), new DispatchCommandInput(serverId, requestId, ComputeSteps.Terminate, host, command));
            if (!nodeUp)
            {
                details = $"Node {host} is down: deleted locally; the destroy stays queued for its agent.";
            }
            else
            {
                var result = await AgentCalls.WaitAsync(context, command, timeoutSeconds);
                if (result is { Success: false })
                {
                    var fault = AgentCalls.Fault(context, "Delete", host, command, result, timeoutSeconds);
                    await ServerFailures.FailStepAsync(context, new FailStepInput(serverId, requestId, ComputeSteps.Terminate, host, fault, fault.Details));
                    return false;
                }

                details = result is null ? $"Node {host} did not answer within {timeoutSeconds} s: deleted locally; the destroy stays queued for its agent." : null;
            }
        }

        await Volume.Attachments.ServerVolumesTeardown.RunAsync(context, serverId);
        await ServerPorts.ReleaseAsync(context, serverId);
        await context.CallActivityAsync(nameof(ReleaseClaims), new ReleaseClaimsInput(serverId, null, null));
        await context.CallActivityAsync(nameof(FinishDelete), new FinishDeleteInput(serverId, requestId, host, details));
        return true;
    }
}
