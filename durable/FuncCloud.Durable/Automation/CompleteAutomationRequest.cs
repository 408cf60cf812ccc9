using FuncCloud.Shared.Automation;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Durable.Automation;

/// <summary>Records the outcome in the results row (once), forgets the token and replies.</summary>
public sealed class CompleteAutomationRequest(AutomationStore store, AutomationReplies replies, TimeProvider clock)
{
    [Function(nameof(CompleteAutomationRequest))]
    public async Task<string> RunAsync([ActivityTrigger] CompleteRequestInput input, CancellationToken cancellationToken)
    {
        var record = await store.CompleteAsync(input, clock.GetUtcNow(), cancellationToken);
        await store.DeleteTokenAsync(input.CorrelationId, cancellationToken);
        await replies.SendAsync(record, cancellationToken);
        return record.Status;
    }
}
