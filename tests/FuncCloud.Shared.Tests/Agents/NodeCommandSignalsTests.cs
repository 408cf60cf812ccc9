using FuncCloud.Shared.Agents;
using Shouldly;
using Xunit;

namespace FuncCloud.Shared.Tests.Agents;

public sealed class NodeCommandSignalsTests
{
    [Fact]
    public async Task WaitAsync_SinceDiffersFromCurrent_AnswersAtOnceWithCurrent()
    {
        var signals = new NodeCommandSignals();
        signals.Signal("n1");
        (await signals.WaitAsync("n1", -1, TimeSpan.FromMinutes(5), CancellationToken.None)).ShouldBe(1);
    }

    [Fact]
    public async Task WaitAsync_SignalWhileWaiting_AnswersWithNextSequence()
    {
        var signals = new NodeCommandSignals();
        var waiting = signals.WaitAsync("n1", 0, TimeSpan.FromMinutes(5), CancellationToken.None);
        waiting.IsCompleted.ShouldBeFalse();
        signals.Signal("n2");
        waiting.IsCompleted.ShouldBeFalse();
        signals.Signal("n1");
        (await waiting.WaitAsync(TimeSpan.FromMinutes(1))).ShouldBe(1);
    }

    [Fact]
    public async Task WaitAsync_NothingWithinWait_AnswersTheSameSequence()
    {
        var signals = new NodeCommandSignals();
        (await signals.WaitAsync("n1", 0, TimeSpan.FromMilliseconds(1), CancellationToken.None)).ShouldBe(0);
    }

    [Fact]
    public async Task WaitAsync_CallerGone_AnswersWithoutThrowing()
    {
        var signals = new NodeCommandSignals();
        using var gone = new CancellationTokenSource();
        var waiting = signals.WaitAsync("n1", 0, TimeSpan.FromMinutes(5), gone.Token);
        await gone.CancelAsync();
        (await waiting.WaitAsync(TimeSpan.FromMinutes(1))).ShouldBe(0);
    }
}
