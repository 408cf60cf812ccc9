using FuncCloud.Shared.Compute;

namespace FuncCloud.Agent.Compute.Fake;

// Power transitions, as lenient as nova's libvirt driver where it is lenient (power on/off from any state,
// soft reboot falling back to hard) and as strict where it is strict (pause/suspend need a running guest).
public sealed partial class FakeComputeDriver
{
    public Task RebootAsync(string serverId, RebootType type, CancellationToken cancellationToken) =>
        MutateAsync(FakeOperation.Reboot, serverId, i =>
        {
            i.State = PowerState.Running;
            i.Console.Add($"[fake] {type.ToString().ToLowerInvariant()} reboot");
        }, cancellationToken);

    public Task PowerOffAsync(string serverId, TimeSpan cleanShutdownTimeout, CancellationToken cancellationToken) =>
        MutateAsync(FakeOperation.PowerOff, serverId, i => i.State = PowerState.Shutdown, cancellationToken);

    public Task PowerOnAsync(string serverId, CancellationToken cancellationToken) =>
        MutateAsync(FakeOperation.PowerOn, serverId, i => i.State = PowerState.Running, cancellationToken);

    public Task PauseAsync(string serverId, CancellationToken cancellationToken) =>
        MutateAsync(FakeOperation.Pause, serverId, i => Transition(i, "pause", PowerState.Paused, PowerState.Running), cancellationToken);

    public Task UnpauseAsync(string serverId, CancellationToken cancellationToken) =>
        MutateAsync(FakeOperation.Unpause, serverId, i => Transition(i, "unpause", PowerState.Running, PowerState.Paused), cancellationToken);

    public Task SuspendAsync(string serverId, CancellationToken cancellationToken) =>
        MutateAsync(FakeOperation.Suspend, serverId, i => Transition(i, "suspend", PowerState.Suspended, PowerState.Running, PowerState.Paused), cancellationToken);

    public Task ResumeAsync(string serverId, CancellationToken cancellationToken) =>
        MutateAsync(FakeOperation.Resume, serverId, i => Transition(i, "resume", PowerState.Running, PowerState.Suspended), cancellationToken);

    public Task RebuildAsync(InstanceSpec instance, CancellationToken cancellationToken) =>
        MutateAsync(FakeOperation.Rebuild, instance.ServerId, i =>
        {
            // The flavor stays (rebuild never resizes); the image and the guest's console start over.
            i.Spec = instance with { Flavor = i.Flavor };
            i.State = PowerState.Running;
            i.Console.Clear();
            i.Console.AddRange(_options.ConsoleOutput.Split('\n'));
        }, cancellationToken);

    private static void Transition(FakeInstance instance, string operation, PowerState target, params PowerState[] allowed)
    {
        if (!allowed.Contains(instance.State))
        {
            throw new InstanceInvalidStateException(instance.Spec.ServerId, operation, instance.State);
        }

        instance.State = target;
    }
}
