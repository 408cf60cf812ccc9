using FuncCloud.Agent.Network;
using FuncCloud.Agent.Network.Fake;
using FuncCloud.Shared.Network.Wiring;
using Shouldly;
using Xunit;

namespace FuncCloud.Agent.Tests.Network;

/// <summary>The Fake network driver keeps the driver contract with state only.</summary>
public sealed class FakeNetworkDriverTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("funccloud-fakenet-").FullName;

    internal static NetworkHostState SampleState(string node, long revision) => new(
        node,
        revision,
        [new WiredNetwork("net-1-aaaaaaaaaaaa", "vxlan", 1001, null, 1450, ["192.0.2.2"])],
        [new DhcpServerState("net-1-aaaaaaaaaaaa", "dhcp-port", "fa:16:3e:00:00:01", ["10.1.0.2/24"], 1450,
            [new DhcpSubnet("sub-1", "10.1.0.0/24", 4, "10.1.0.1", [], [], null, null)],
            [new DhcpHost("port-1", "fa:16:3e:00:00:02", "10.1.0.5", "host-10-1-0-5")])],
        [new RouterState("router-1", null, [new RouterInterfaceState("net-1-aaaaaaaaaaaa", "rif-1", "fa:16:3e:00:00:03", ["10.1.0.1/24"])], [], [])],
        [new PortState("port-1", "net-1-aaaaaaaaaaaa", "fa:16:3e:00:00:02", ["10.1.0.5"], true, [], [new SecurityRuleState("ingress", "IPv4", "tcp", 22, 22, [])])]);

    private static NetworkHostConfig Config(string folder) => new("node-a", "192.0.2.1", new Dictionary<string, string>(), folder);

    [Fact]
    public async Task Apply_State_ObservedAsTheRealDriverWouldNameIt()
    {
        var driver = new FakeNetworkDriver();
        await driver.InitHostAsync(Config(_folder), CancellationToken.None);
        await driver.ApplyAsync(SampleState("node-a", 1), CancellationToken.None);

        var observed = await driver.ObserveAsync(CancellationToken.None);
        observed.Bridges.ShouldBe([NetworkDeviceNames.Bridge("net-1-aaaaaaaaaaaa")]);
        observed.Namespaces.ShouldBe(["qdhcp-net-1-aaaaaaaaaaaa", "qrouter-router-1"]);
        observed.DhcpServers.ShouldBe(["net-1-aaaaaaaaaaaa"]);
        observed.FilteredPorts.ShouldBe(["port-1"]);
        (await driver.GetLeasesAsync("net-1-aaaaaaaaaaaa", CancellationToken.None)).ShouldHaveSingleItem().IpAddress.ShouldBe("10.1.0.5");
        (await driver.GetLeasesAsync("other", CancellationToken.None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Apply_EmptyState_RemovesEverything()
    {
        var driver = new FakeNetworkDriver();
        await driver.ApplyAsync(SampleState("node-a", 1), CancellationToken.None);
        await driver.ApplyAsync(NetworkHostState.Empty("node-a"), CancellationToken.None);

        var observed = await driver.ObserveAsync(CancellationToken.None);
        observed.Bridges.ShouldBeEmpty();
        observed.Namespaces.ShouldBeEmpty();
        observed.FilteredPorts.ShouldBeEmpty();
    }

    [Fact]
    public async Task Restart_WithStateFile_FindsTheAppliedStateAgain()
    {
        var file = Path.Combine(_folder, "node-a", NetworkDriverFactory.FakeStateFileName);
        var first = new FakeNetworkDriver(file);
        await first.ApplyAsync(SampleState("node-a", 7), CancellationToken.None);

        var second = new FakeNetworkDriver(file);
        await second.InitHostAsync(Config(_folder), CancellationToken.None);
        second.Applied.ShouldNotBeNull().Revision.ShouldBe(7);
        (await second.ObserveAsync(CancellationToken.None)).DhcpServers.ShouldBe(["net-1-aaaaaaaaaaaa"]);
    }

    [Fact]
    public async Task Apply_InjectedFailure_ThrowsNetworkDriverExceptionAndKeepsTheOldState()
    {
        var driver = new FakeNetworkDriver();
        await driver.ApplyAsync(SampleState("node-a", 1), CancellationToken.None);
        driver.FailWith = "router router-1: injected";

        (await Should.ThrowAsync<NetworkDriverException>(() => driver.ApplyAsync(NetworkHostState.Empty("node-a"), CancellationToken.None))).Message.ShouldContain("router-1");
        driver.Applied!.Revision.ShouldBe(1);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
