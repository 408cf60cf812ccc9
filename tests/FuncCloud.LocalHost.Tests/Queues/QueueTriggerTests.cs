using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using FuncCloud.LocalHost.Queues;
using FuncCloud.LocalHost.Tests.TestFunctions;
using Shouldly;
using Xunit;

namespace FuncCloud.LocalHost.Tests.Queues;

public sealed class QueueTriggerTests(QueueHostFixture host) : IClassFixture<QueueHostFixture>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private QueueRecorder Recorder => host.Recorder;

    [Fact]
    public async Task PocoMessage_Processed_OnceAndDeleted()
    {
        var queue = await host.QueueAsync(TestQueues.Orders);
        var orderId = NewKey();

        var receipt = await queue.SendMessageAsync(JsonSerializer.Serialize(new OrderMessage(orderId, 3), Json));

        var invocations = await Recorder.WaitForAsync(orderId, 1);
        invocations.Count.ShouldBe(1);
        invocations[0].DequeueCount.ShouldBe(1);
        // Binding data: the message id, and the POCO's own properties by name.
        invocations[0].Detail.ShouldBe($"{receipt.Value.MessageId}|3");
        (await Eventually.TrueAsync(async () => !(await queue.PeekMessagesAsync(32)).Value.Any())).ShouldBeTrue("the message is deleted");
        Recorder.For(orderId).Count.ShouldBe(1);
    }

    [Fact]
    public async Task TextMessage_RawAndBase64_BothDelivered()
    {
        var raw = await host.QueueAsync(TestQueues.Texts, base64: false);
        var encoded = await host.QueueAsync(TestQueues.Texts, base64: true);
        var rawText = $"{{\"raw\": \"{NewKey()}\"}}";
        var encodedText = $"encoded {NewKey()} ü";

        await raw.SendMessageAsync(rawText);
        await encoded.SendMessageAsync(encodedText);

        (await Recorder.WaitForAsync(rawText, 1)).Count.ShouldBe(1);
        (await Recorder.WaitForAsync(encodedText, 1)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task BytesMessage_Base64_BindsDecodedBytes()
    {
        var queue = await host.QueueAsync(TestQueues.Bytes, base64: false);
        byte[] data = [0x00, 0xFF, 0x10, 0x80, 0x7F];

        var receipt = await queue.SendMessageAsync(Convert.ToBase64String(data));

        var invocations = await Recorder.WaitForAsync(receipt.Value.MessageId, 1);
        invocations.ShouldHaveSingleItem().Detail.ShouldBe(Convert.ToHexString(data));
    }

    [Fact]
    public async Task QueueMessageTrigger_BindsMessageAndMetadata()
    {
        var queue = await host.QueueAsync(TestQueues.Messages);
        var text = NewKey();

        await queue.SendMessageAsync(text);

        var invocation = (await Recorder.WaitForAsync(text, 1)).ShouldHaveSingleItem();
        invocation.DequeueCount.ShouldBe(1);
        invocation.Detail.ShouldBe("True|True|True");
    }

    [Fact]
    public async Task AlwaysThrows_AttemptedMaxDequeueCountTimes_ThenPoisoned()
    {
        var queue = await host.QueueAsync(TestQueues.Failing);
        var poison = await host.QueueAsync(TestQueues.Failing + QueueTriggerTarget.PoisonSuffix);
        var key = NewKey();

        await queue.SendMessageAsync(key);

        (await Eventually.TrueAsync(async () => (await poison.PeekMessagesAsync(32)).Value.Any(m => m.Body.ToString() == key)))
            .ShouldBeTrue("the message reaches the poison queue");
        (await Eventually.TrueAsync(async () => !(await queue.PeekMessagesAsync(32)).Value.Any())).ShouldBeTrue("the message leaves the source queue");
        var attempts = Recorder.For(key);
        attempts.Select(a => a.DequeueCount).ShouldBe([1, 2, 3]);
        // RetryContext carries the attempts so far and the retries allowed before the poison queue.
        attempts.Select(a => a.Detail).ShouldBe(["0/2", "1/2", "2/2"]);
        QueueHostFixture.MaxDequeueCount.ShouldBe(3);
    }

    [Fact]
    public async Task PocoMessage_NotJson_RetriedThenPoisoned()
    {
        var queue = await host.QueueAsync(TestQueues.Orders, base64: false);
        var poison = await host.QueueAsync(TestQueues.Orders + QueueTriggerTarget.PoisonSuffix, base64: false);
        var text = $"{{not json {NewKey()}";

        await queue.SendMessageAsync(text);

        // Same encoding as received: the raw text is copied as it was.
        (await Eventually.TrueAsync(async () => (await poison.PeekMessagesAsync(32)).Value.Any(m => m.Body.ToString() == text)))
            .ShouldBeTrue("a message that does not bind is a failure, so it ends in the poison queue");
    }

    [Fact]
    public async Task FailsOnce_RetriedAfterVisibilityTimeout_ThenSucceeds()
    {
        var queue = await host.QueueAsync(TestQueues.Flaky);
        var key = NewKey();

        await queue.SendMessageAsync(JsonSerializer.Serialize(new FlakyMessage(key), Json));

        var attempts = await Recorder.WaitForAsync(key, 2);
        attempts.Select(a => a.DequeueCount).ShouldBe([1, 2]);
        // Storage visibility has whole-second precision and may end up to ~1 s early; it is never immediate.
        (attempts[1].At - attempts[0].At).ShouldBeGreaterThan(QueueHostFixture.VisibilityTimeout - TimeSpan.FromSeconds(1));
        (await Eventually.TrueAsync(async () => !(await queue.PeekMessagesAsync(32)).Value.Any())).ShouldBeTrue("the message is deleted after the success");
        Recorder.For(key).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Batch_ManyMessages_EachProcessedOnce()
    {
        const int count = 40;
        var queue = await host.QueueAsync(TestQueues.Batch);
        var batchId = NewKey();

        await Task.WhenAll(Enumerable.Range(0, count).Select(i =>
            queue.SendMessageAsync(JsonSerializer.Serialize(new BatchItem(batchId, i), Json))));

        var invocations = await Recorder.WaitForAsync(batchId, count);
        invocations.Select(i => int.Parse(i.Detail, System.Globalization.CultureInfo.InvariantCulture)).Order().ShouldBe(Enumerable.Range(0, count));
        (await Eventually.TrueAsync(async () => (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0)).ShouldBeTrue();
    }

    private static string NewKey() => Guid.NewGuid().ToString("N");
}
