using FuncCloud.Durable.Compute.Workflows;
using FuncCloud.Shared.Agents.Commands;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace FuncCloud.Durable.Compute.Orchestrators;

/// <summary>
/// Reads a server's console log through its agent (nova's get_console_output RPC call): the API starts it and
/// waits for the output. Returns null when the agent did not answer in time.
/// </summary>
public static class ConsoleOutputWorkflow
{
    /// <summary>The error text of a failed read, prefixed so the API can tell it from output.</summary>
    public const string ErrorPrefix = "error:";

    [Function(nameof(ConsoleOutputWorkflow))]
    public static async Task<string?> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var input = context.GetInput<ConsoleOutputInput>()!;
        var command = AgentCalls.Command(context, new GetConsoleOutputCommand(input.ServerId, input.Length), input.AgentTimeoutSeconds);
        await context.CallActivityAsync(nameof(Activities.SendAgentCommand), new Activities.SendAgentCommandInput(input.Host, command));
        var result = await AgentCalls.WaitAsync(context, command, input.AgentTimeoutSeconds);
        return result switch
        {
            null => null,
            { Success: true } => result.ReadOutput<ConsoleOutput>().Output,
            _ => ErrorPrefix + result.Fault?.Message,
        };
    }
}
