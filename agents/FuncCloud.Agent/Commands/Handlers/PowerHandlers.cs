using FuncCloud.Agent.Compute;
using FuncCloud.Shared.Agents;
using FuncCloud.Shared.Agents.Commands;
using FuncCloud.Shared.Compute;

namespace FuncCloud.Agent.Commands.Handlers;

/// <summary>
/// A power transition towards one target state: skipped when the instance is already there, which is what
/// makes redelivery and crash recovery safe.
/// </summary>
public abstract class PowerTransitionHandler<TPayload>(PowerState target, string step) : CommandHandler<TPayload>
    where TPayload : IAgentCommandPayload
{
    protected override async Task<object> ExecuteAsync(TPayload payload, CommandExecution execution, CancellationToken cancellationToken)
    {
        var info = await TryGetInfoAsync(execution, payload.ServerId, cancellationToken)
            ?? throw new InstanceNotFoundException(payload.ServerId);
        if (info.PowerState != target)
        {
            await StepAsync(execution, step, d => TransitionAsync(d, payload, cancellationToken));
        }

        return await StateOutputAsync(execution, payload.ServerId, cancellationToken);
    }

    protected abstract Task TransitionAsync(IComputeDriver driver, TPayload payload, CancellationToken cancellationToken);
}

public sealed class PowerOffHandler() : PowerTransitionHandler<PowerOffCommand>(PowerState.Shutdown, "power_off")
{
    protected override Task TransitionAsync(IComputeDriver driver, PowerOffCommand payload, CancellationToken cancellationToken) =>
        driver.PowerOffAsync(payload.ServerId, TimeSpan.FromSeconds(payload.CleanShutdownTimeoutSeconds), cancellationToken);
}

public sealed class PowerOnHandler() : PowerTransitionHandler<PowerOnCommand>(PowerState.Running, "power_on")
{
    protected override Task TransitionAsync(IComputeDriver driver, PowerOnCommand payload, CancellationToken cancellationToken) =>
        driver.PowerOnAsync(payload.ServerId, cancellationToken);
}

public sealed class PauseHandler() : PowerTransitionHandler<PauseCommand>(PowerState.Paused, "pause")
{
    protected override Task TransitionAsync(IComputeDriver driver, PauseCommand payload, CancellationToken cancellationToken) =>
        driver.PauseAsync(payload.ServerId, cancellationToken);
}

public sealed class UnpauseHandler() : PowerTransitionHandler<UnpauseCommand>(PowerState.Running, "unpause")
{
    protected override Task TransitionAsync(IComputeDriver driver, UnpauseCommand payload, CancellationToken cancellationToken) =>
        driver.UnpauseAsync(payload.ServerId, cancellationToken);
}

public sealed class SuspendHandler() : PowerTransitionHandler<SuspendCommand>(PowerState.Suspended, "suspend")
{
    protected override Task TransitionAsync(IComputeDriver driver, SuspendCommand payload, CancellationToken cancellationToken) =>
        driver.SuspendAsync(payload.ServerId, cancellationToken);
}

public sealed class ResumeHandler() : PowerTransitionHandler<ResumeCommand>(PowerState.Running, "resume")
{
    protected override Task TransitionAsync(IComputeDriver driver, ResumeCommand payload, CancellationToken cancellationToken) =>
        driver.ResumeAsync(payload.ServerId, cancellationToken);
}
