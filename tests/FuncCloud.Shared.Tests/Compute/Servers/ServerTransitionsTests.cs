using FuncCloud.Shared.Compute;
using FuncCloud.Shared.Compute.Servers;
using Shouldly;
using Xunit;

namespace FuncCloud.Shared.Tests.Compute.Servers;

public sealed class ServerTransitionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static ServerRecord Server(string vmState, string? taskState = null, bool locked = false) => new()
    {
        Id = "s1", ProjectId = "p", UserId = "u", Name = "vm", ImageId = "img", ReservationId = "r-1",
        Flavor = new ServerFlavor("1", "m1.tiny", 1, 512, 1, 0, 0, new Dictionary<string, string>()),
        CreatedAt = Now, UpdatedAt = Now, VmState = vmState, TaskState = taskState, Locked = locked,
    };

    [Theory]
    [InlineData(ServerActions.Stop, VmStates.Active, TaskStates.PoweringOff)]
    [InlineData(ServerActions.Start, VmStates.Stopped, TaskStates.PoweringOn)]
    [InlineData(ServerActions.Reboot, VmStates.Active, TaskStates.Rebooting)]
    [InlineData(ServerActions.RebootHard, VmStates.Stopped, TaskStates.RebootingHard)]
    [InlineData(ServerActions.Resize, VmStates.Active, TaskStates.ResizePrep)]
    public void Begin_AllowedState_SetsTaskState(string action, string vmState, string taskState) =>
        ServerTransitions.Begin(Server(vmState), action, false, Now).TaskState.ShouldBe(taskState);

    [Fact]
    public void Begin_StartWhileActive_ConflictInNovasWords()
    {
        var error = Should.Throw<ServerStateConflictException>(() => ServerTransitions.Begin(Server(VmStates.Active), ServerActions.Start, false, Now));

        error.StatusCode.ShouldBe(409);
        error.Message.ShouldBe("Cannot 'start' instance s1 while it is in vm_state active");
    }

    [Fact]
    public void Begin_RebootWhileTaskRunning_ConflictNamesTaskState() =>
        Should.Throw<ServerStateConflictException>(() => ServerTransitions.Begin(Server(VmStates.Active, TaskStates.PoweringOff), ServerActions.Reboot, false, Now))
            .Message.ShouldBe("Cannot 'reboot' instance s1 while it is in task_state powering-off");

    [Fact]
    public void Begin_LockedServer_RefusedUnlessOverridden()
    {
        Should.Throw<ServerLockedException>(() => ServerTransitions.Begin(Server(VmStates.Active, locked: true), ServerActions.Stop, false, Now));
        ServerTransitions.Begin(Server(VmStates.Active, locked: true), ServerActions.Stop, true, Now).TaskState.ShouldBe(TaskStates.PoweringOff);
    }

    [Fact]
    public void Complete_Stop_RestsStoppedShutdownWithoutTask()
    {
        var done = ServerTransitions.Complete(Server(VmStates.Active, TaskStates.PoweringOff), ServerActions.Stop, null, Now);

        (done.VmState, done.TaskState, done.PowerState, done.Status).ShouldBe((VmStates.Stopped, (string?)null, PowerState.Shutdown, ServerStatus.Shutoff));
    }

    [Theory]
    [InlineData(VmStates.Building, TaskStates.Scheduling, "BUILD")]
    [InlineData(VmStates.Active, null, "ACTIVE")]
    [InlineData(VmStates.Active, TaskStates.Rebooting, "REBOOT")]
    [InlineData(VmStates.Active, TaskStates.RebootingHard, "HARD_REBOOT")]
    [InlineData(VmStates.Stopped, null, "SHUTOFF")]
    [InlineData(VmStates.Resized, null, "VERIFY_RESIZE")]
    [InlineData(VmStates.Active, TaskStates.ResizePrep, "RESIZE")]
    [InlineData(VmStates.Active, TaskStates.Rebuilding, "REBUILD")]
    [InlineData(VmStates.Error, null, "ERROR")]
    [InlineData(VmStates.Deleted, null, "DELETED")]
    public void Status_NovasStateMap(string vmState, string? taskState, string status) =>
        ServerStatus.Of(vmState, taskState).ShouldBe(status);
}
