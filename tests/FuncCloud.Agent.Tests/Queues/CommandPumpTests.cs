using FuncCloud.Shared.Agents;
using Shouldly;
using Xunit;

namespace FuncCloud.Agent.Tests.Queues;

public sealed class CommandPumpTests
{
    [Fact]
    public async Task Pump_UndeserializableMessage_MovesToPoisonAfterMaxDequeueCount()
    {
        await using var host = await AgentTestHost.CreateAsync(["node-a"], new Dictionary<string, string?>
        {
            ["FuncCloud:Agent:MaxDequeueCount"] = "3",
        });
        var queue = host.Queue(AgentQueueNames.ForNode("node-a"));
        var poison = host.Queue(AgentQueueNames.Poison(AgentQueueNames.ForNode("node-a")));
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync("{ this is not a command");
        await host.StartAsync();

        var poisoned = await Poll.UntilAsync(async () =>
        {
            if (!(await poison.ExistsAsync()).Value)
            {
                return null;
            }

            var messages = (await poison.PeekMessagesAsync(10)).Value;
            return messages.Length > 0 ? messages : null;
        }, "the poison message");

        poisoned.Single().Body.ToString().ShouldBe("{ this is not a command");
        (await queue.PeekMessagesAsync(10)).Value.ShouldBeEmpty();
        (await host.ResultsAfterAsync("any", TimeSpan.FromMilliseconds(200))).ShouldBeEmpty();
    }

    [Fact]
    public async Task Pump_SeveralNodesInOneProcess_EachConsumesOnlyItsOwnQueue()
    {
        string[] nodes = ["fake-001", "fake-002", "fake-003"];
        await using var host = await AgentTestHost.CreateAsync([], new Dictionary<string, string?>
        {
            ["FuncCloud:Agent:NodeCount"] = "3",
        });
        await host.StartAsync();

        foreach (var node in nodes)
        {
            await host.SendAsync(node, Commands.CommandProcessingTests.Spawn("on-" + node));
        }

        foreach (var node in nodes)
        {
            var result = await host.WaitForResultAsync("op:spawn:on-" + node);
            result.NodeName.ShouldBe(node);
            (await host.Drivers.Get(node).ListInstancesAsync(CancellationToken.None)).ShouldBe(["on-" + node]);
        }
    }
}
