using Microsoft.DurableTask.Client;

namespace FuncCloud.LocalHost.Tests.Durable;

/// <summary>Waiting for an orchestration to reach a state the client's own waits do not cover.</summary>
internal static class DurableClientPolling
{
    /// <summary>
    /// Reads the instance every 100 ms until it exists and matches <paramref name="until"/>; the caller's
    /// token bounds the wait.
    /// </summary>
    public static async Task<OrchestrationMetadata> PollInstanceAsync(
        this DurableTaskClient client, string id, bool getInputsAndOutputs, Func<OrchestrationMetadata, bool> until, CancellationToken cancellationToken)
    {
        while (true)
        {
            var instance = await client.GetInstanceAsync(id, getInputsAndOutputs, cancellationToken);
            if (instance is not null && until(instance))
            {
                return instance;
            }

            await Task.Delay(100, cancellationToken);
        }
    }
}
