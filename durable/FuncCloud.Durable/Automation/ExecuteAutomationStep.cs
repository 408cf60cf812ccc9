using FuncCloud.Shared.Automation;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Durable.Automation;

/// <summary>Executes one resolved step with the request's token (read from the results table, never from the workflow's history).</summary>
public sealed class ExecuteAutomationStep(AutomationStore store, AutomationDispatcher dispatcher, TimeProvider clock)
{
    [Function(nameof(ExecuteAutomationStep))]
    public async Task<StepResponse> RunAsync([ActivityTrigger] ExecuteStepInput input, CancellationToken cancellationToken)
    {
        if (await store.GetTokenAsync(input.CorrelationId, cancellationToken) is not { } token)
        {
            var now = clock.GetUtcNow();
            return new StepResponse(0, new Dictionary<string, string>(), null, null, "the request's token is gone (the request already completed)", now, now);
        }

        return await dispatcher.SendAsync(input.Step, token.Token, cancellationToken);
    }
}
