using FuncCloud.Testing;
using Shouldly;
using Xunit;

namespace FuncCloud.Agent.Tests.Nodes;

public sealed class NodeHeartbeatTests
{
    private const int HeartbeatFailedEventId = 1501;

    [Fact]
    public async Task Heartbeat_RegistrationFailsAtFirst_RetriesThenRegistersAndHeartbeatsWithToken()
    {
        await using var api = await StubApiServer.StartAsync(registerFailures: 2);
        await using var host = await AgentTestHost.CreateAsync(["node-a"], ApiSettings(api.BaseAddress, api.AuthUrl));
        await host.StartAsync();

        await Poll.UntilAsync(() => api.Heartbeats.Count >= 2, "two heartbeats");

        api.RegisterAttempts.ShouldBe(3);
        var (node, registration, token) = api.Registrations.Single();
        node.ShouldBe("node-a");
        token.ShouldBe("token-1");
        registration.Roles.ShouldBe(["compute", "network"]);
        registration.AvailabilityZone.ShouldBe("az-test");
        registration.Driver.ShouldBe("fake");
        registration.Resources.VcpusTotal.ShouldBe(8);
        registration.Resources.VcpusUsed.ShouldBe(0);
        api.Heartbeats.ShouldAllBe(h => h.Node == "node-a" && h.Token == "token-1" && h.Body.Resources.MemoryMbTotal == 4096);
        api.TokensIssued.ShouldBe(1);
        host.Logs.Count(HeartbeatFailedEventId).ShouldBe(2);
    }

    [Fact]
    public async Task Heartbeat_ApiUnreachable_KeepsRetryingWhileCommandsStillRun()
    {
        var closed = new Uri($"http://127.0.0.1:{FreePorts.Next()}");
        await using var host = await AgentTestHost.CreateAsync(["node-a"], ApiSettings(closed, new Uri(closed, "/identity/v3")));
        await host.StartAsync();

        await host.SendAsync("node-a", Commands.CommandProcessingTests.Spawn("s1"));
        var result = await host.WaitForResultAsync("op:spawn:s1");
        await Poll.UntilAsync(() => host.Logs.Count(HeartbeatFailedEventId) >= 3, "three failed registration attempts");

        result.Success.ShouldBeTrue();
        host.Logs.Events.ShouldContain(e => e.EventId == HeartbeatFailedEventId && e.Message.Contains("registration"));
    }

    private static Dictionary<string, string?> ApiSettings(Uri endpoint, Uri authUrl) => new()
    {
        ["FuncCloud:Agent:Api:Endpoint"] = endpoint.ToString(),
        ["FuncCloud:Agent:Api:AuthUrl"] = authUrl.ToString(),
        ["FuncCloud:Agent:Api:Password"] = StubApiServer.Password,
        ["FuncCloud:Agent:Api:RequestTimeout"] = "00:00:02",
        ["FuncCloud:Agent:HeartbeatInterval"] = "00:00:00.200",
        ["FuncCloud:Agent:MaxRetryBackoff"] = "00:00:00.200",
        ["FuncCloud:Agent:Roles:0"] = "compute",
        ["FuncCloud:Agent:Roles:1"] = "network",
        ["FuncCloud:Agent:AvailabilityZone"] = "az-test",
        ["FuncCloud:Agent:Fake:Vcpus"] = "8",
        ["FuncCloud:Agent:Fake:MemoryMb"] = "4096",
    };
}
