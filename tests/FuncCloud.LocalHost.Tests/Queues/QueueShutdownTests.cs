using System.Text.Json;
using FuncCloud.LocalHost.Tests.TestFunctions;
using Shouldly;
using Xunit;

namespace FuncCloud.LocalHost.Tests.Queues;

/// <summary>Stops a host of its own while an invocation is running.</summary>
public sealed class QueueShutdownTests
{
    [Fact]
    public async Task Stop_InvocationInFlight_FinishesAndDeletesMessage()
    {
        var host = new QueueHostFixture();
        await host.InitializeAsync();
        var queue = await host.QueueAsync(TestQueues.Slow);
        var key = Guid.NewGuid().ToString("N");
        try
        {
            await queue.SendMessageAsync(JsonSerializer.Serialize(new FlakyMessage(key), new JsonSerializerOptions(JsonSerializerDefaults.Web)));
            (await host.Recorder.WaitForAsync(key, 1)).ShouldHaveSingleItem().Detail.ShouldBe("started");
        }
        finally
        {
            await host.DisposeAsync();
        }

        // Stopping waited for the invocation instead of cancelling it, and the message was settled.
        host.Recorder.For(key).Select(i => i.Detail).ShouldBe(["started", "finished"]);
        (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount.ShouldBe(0);
    }
}
