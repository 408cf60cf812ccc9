using FuncCloud.Shared.Automation;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Durable.Automation;

/// <summary>Reads the state of the resource a waited-on step returned.</summary>
public sealed class CheckAutomationResource(AutomationStore store, AutomationDispatcher dispatcher, TimeProvider clock)
{
    [Function(nameof(CheckAutomationResource))]
    public async Task<ResourceState> RunAsync([ActivityTrigger] CheckResourceInput input, CancellationToken cancellationToken)
    {
        if (await store.GetTokenAsync(input.CorrelationId, cancellationToken) is not { } token)
        {
            return new ResourceState(input.Url, 0, null, true, true, null, clock.GetUtcNow());
        }

        return await dispatcher.CheckAsync(input.Url, input.Deleting, token.Token, cancellationToken);
    }
}
