using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Volume.Services;

/// <summary>Starts a workflow under a fixed instance id unless one with that id already runs or ran.</summary>
public static class WorkflowStarter
{
    /// <summary>Schedules <paramref name="name"/> as <paramref name="instanceId"/>; a retried request finds it started and does nothing.</summary>
    public static async Task StartOnceAsync<TInput>(DurableTaskClient durable, string name, TInput input, string instanceId, CancellationToken cancellationToken)
    {
        if (await durable.GetInstanceAsync(instanceId, cancellationToken) is not null)
        {
            return;
        }

        await durable.ScheduleNewOrchestrationInstanceAsync(name, input, new StartOrchestrationOptions(instanceId), cancellationToken);
    }
}
