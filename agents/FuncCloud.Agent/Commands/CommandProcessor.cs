using System.Text.Json;
using FuncCloud.Agent.Compute;
using FuncCloud.Agent.Journal;
using FuncCloud.Agent.Queues;
using FuncCloud.Agent.Reconcile;
using FuncCloud.Agent.Storage;
using FuncCloud.Shared.Agents.Commands;
using FuncCloud.Shared.Agents;
using Microsoft.Extensions.Logging;

namespace FuncCloud.Agent.Commands;

/// <summary>
/// Runs one node's commands through the journal: a completed command re-sends its recorded result, an
/// interrupted one runs again in recovery mode, a new one is journaled received → started → completed. The
/// result is journaled before it is posted, so a crash in between only leads to a re-send on redelivery.
/// </summary>
public sealed class CommandProcessor(
    string nodeName,
    IComputeDriver driver,
    CommandJournal journal,
    CommandHandlerRegistry handlers,
    ServerLocks locks,
    ObservedPowerStates observed,
    AgentQueuePublisher publisher,
    TimeProvider time,
    ILogger logger,
    Network.NetworkSyncSignal? networkSync = null,
    IVolumeDriver? volumeDriver = null) : ICommandProcessor
{
    /// <summary>Processes the command and posts its result; returns the result posted.</summary>
    /// <exception cref="OperationCanceledException">The agent is stopping; the command stays in doubt.</exception>
    public async Task<AgentResult> ProcessAsync(AgentCommand command, CancellationToken cancellationToken)
    {
        if (command.Kind == AgentCommandKinds.NetworkSync)
        {
            // A kick, not a command: nobody waits for a result and a duplicate only costs one more fetch.
            networkSync?.Set();
            return Result(command, true, null, null);
        }

        var handler = handlers.Find(command.Kind);
        var serverId = TryServerId(handler, command);

        // Lock before reading the journal: two copies of one command in a batch must not both execute.
        using (await locks.AcquireAsync(serverId ?? command.CommandId, cancellationToken))
        {
            var state = journal.Find(command.CommandId);
            if (state is { Stage: JournalStage.Completed, Result: { } recorded })
            {
                CommandLog.Redelivered(logger, nodeName, command.CommandId, command.Kind);
                await publisher.SendResultAsync(recorded, cancellationToken);
                return recorded;
            }

            var recovering = state is not null;
            if (recovering)
            {
                CommandLog.Recovering(logger, nodeName, command.CommandId, command.Kind, state!.Stage.ToString());
            }
            else
            {
                await journal.RecordReceivedAsync(command, cancellationToken);
            }

            var result = await ExecuteAsync(handler, command, serverId, recovering, cancellationToken);
            await journal.RecordCompletedAsync(result, cancellationToken);
            await publisher.SendResultAsync(result, cancellationToken);
            return result;
        }
    }

    private async Task<AgentResult> ExecuteAsync(ICommandHandler? handler, AgentCommand command, string? serverId, bool recovering, CancellationToken cancellationToken)
    {
        if (handler is null)
        {
            return Failure(command, new AgentFault(AgentFaultCodes.UnsupportedCommand,
                $"Node {nodeName} does not support command kind '{command.Kind}'.", "agent.dispatch"));
        }

        if (command.Deadline is { } deadline && time.GetUtcNow() > deadline)
        {
            return Failure(command, new AgentFault(AgentFaultCodes.DeadlineExceeded,
                $"Command {command.Kind} for server {serverId} reached node {nodeName} after its deadline {deadline:O}; not started.", "agent.dispatch"));
        }

        var execution = new CommandExecution(nodeName, driver, recovering) { VolumeDriver = volumeDriver };
        await journal.RecordStartedAsync(command.CommandId, cancellationToken);
        CommandLog.Started(logger, nodeName, command.CommandId, command.Kind, serverId);
        try
        {
            var output = await handler.ExecuteAsync(command, execution, cancellationToken);
            CommandLog.Succeeded(logger, nodeName, command.CommandId, command.Kind, serverId);
            if (output is InstanceStateOutput state)
            {
                observed.Record(state.ServerId, state.Instance?.PowerState);
            }

            return Result(command, true, JsonSerializer.SerializeToElement(output, output.GetType(), AgentJson.Options), null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            var fault = ToFault(e, command, serverId, execution.Step);
            CommandLog.Failed(logger, nodeName, command.CommandId, command.Kind, serverId, fault.Code, fault.Message);
            return Failure(command, fault);
        }
    }

    private AgentFault ToFault(Exception e, AgentCommand command, string? serverId, string step) => e switch
    {
        ComputeDriverException driverError => new AgentFault(driverError.FaultCode,
            $"{command.Kind} of server {serverId} failed on node {nodeName}: {driverError.Message}", step, driverError.GetType().Name),
        VolumeNotFoundOnBackendException missing => new AgentFault(AgentFaultCodes.VolumeNotFound,
            $"{command.Kind} of {serverId} failed on node {nodeName}: {missing.Message}", step, missing.GetType().Name),
        VolumeDriverException volumeError => new AgentFault(AgentFaultCodes.DriverError,
            $"{command.Kind} of {serverId} failed on node {nodeName}: {volumeError.Message}", step, volumeError.GetType().Name),
        InvalidAgentCommandException invalid => new AgentFault(AgentFaultCodes.InvalidCommand, invalid.Message, "agent.read_payload"),
        _ => new AgentFault(AgentFaultCodes.Unexpected,
            $"{command.Kind} of server {serverId} failed on node {nodeName} with an unexpected error: {e.Message}", step, e.GetType().FullName),
    };

    private static string? TryServerId(ICommandHandler? handler, AgentCommand command)
    {
        try
        {
            return handler?.ServerIdOf(command);
        }
        catch (InvalidAgentCommandException)
        {
            return null; // reported as InvalidCommand when the handler reads the payload again
        }
    }

    private AgentResult Failure(AgentCommand command, AgentFault fault) => Result(command, false, null, fault);

    private AgentResult Result(AgentCommand command, bool success, JsonElement? output, AgentFault? fault) =>
        new(command.CommandId, command.Kind, command.OrchestrationId, command.EventName, nodeName, success, output, fault, time.GetUtcNow());
}
