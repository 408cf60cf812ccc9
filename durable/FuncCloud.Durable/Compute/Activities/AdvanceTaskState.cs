using FuncCloud.Durable.Compute.Workflows;
using FuncCloud.Shared.Compute.Servers;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Durable.Compute.Activities;

/// <summary>
/// Moves a server's task_state along a multi-step task (nova's <c>instance.save(expected_task_state=...)</c>,
/// e.g. <c>image_snapshot</c> → <c>image_pending_upload</c>); a server that left the expected state (a
/// delete came) is left alone. Returns whether the move happened.
/// </summary>
public sealed class AdvanceTaskState(ServerRepository servers, TimeProvider time)
{
    [Function(nameof(AdvanceTaskState))]
    public async Task<bool> RunAsync([ActivityTrigger] AdvanceTaskStateInput input, CancellationToken cancellationToken)
    {
        var moved = false;
        await servers.UpdateAsync(input.ServerId, s =>
        {
            moved = !s.IsDeleted && s.TaskState == input.ExpectedTaskState;
            return moved ? s with { TaskState = input.TaskState, UpdatedAt = time.GetUtcNow() } : s;
        }, cancellationToken);
        return moved;
    }
}
