using FuncCloud.Shared.Compute;
using Shouldly;
using Xunit;

namespace FuncCloud.Agent.Tests.Reconcile;

public sealed class PowerStateReconcilerTests
{
    [Fact]
    public async Task Reconcile_GuestShutDownBehindTheAgentsBack_ReportsShutdownAsChanged()
    {
        await using var host = await AgentTestHost.CreateAsync(["node-a"], new Dictionary<string, string?>
        {
            ["FuncCloud:Agent:ReconcileInterval"] = "00:00:00.500",
        });
        await host.StartAsync();
        await host.SendAsync("node-a", Commands.CommandProcessingTests.Spawn("s1"));
        await host.WaitForResultAsync("op:spawn:s1");
        await host.WaitForReportAsync(r => r.Instances.Any(i => i is { ServerId: "s1", PowerState: PowerState.Running }));

        host.Drivers.Get("node-a").SetPowerState("s1", PowerState.Shutdown);
        var report = await host.WaitForReportAsync(r => r.Instances.Any(i => i is { ServerId: "s1", PowerState: PowerState.Shutdown }));

        report.NodeName.ShouldBe("node-a");
        report.Kind.ShouldBe(Shared.Agents.PowerStateReport.EventKind);
        var instance = report.Instances.Single();
        instance.Changed.ShouldBeTrue();
        instance.CommandInFlight.ShouldBeFalse();
    }
}
