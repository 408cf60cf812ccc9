using FuncCloud.Functions.Alarming.Evaluation;
using FuncCloud.Functions.Alarming.Services;
using FuncCloud.Shared.Alarming;
using Shouldly;
using Xunit;

namespace FuncCloud.Functions.Tests.Alarming;

/// <summary>Aodh's threshold semantics, without storage or HTTP.</summary>
public sealed class ThresholdEvaluationTests
{
    private static AlarmRecord Alarm(string state, int periods = 3, string op = "gt", bool repeat = false) => new(
        "a1", "cpu-high", "d", AlarmTypes.GnocchiResourcesThreshold, true, state, "r", "low", repeat, [], [], [], [],
        new AlarmRule("cpu", null, "res", "instance", null, "rate:mean", 60, op, 80, periods), "p", "u", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    [Fact]
    public void Evaluate_AllPointsBreach_GoesToAlarmWithAodhReason()
    {
        var outcome = ThresholdEvaluation.Evaluate(Alarm(AlarmStates.Ok), [10, 90, 95, 99])!;
        outcome.State.ShouldBe(AlarmStates.Alarm);
        outcome.Reason.ShouldBe("Transition to alarm due to 3 samples outside threshold, most recent: 99.0");
        outcome.ReasonData.ToJsonString().ShouldBe("""{"type":"threshold","disposition":"outside","count":3,"most_recent":99}""");
    }

    [Fact]
    public void Evaluate_NoPointBreaches_GoesToOk()
    {
        var outcome = ThresholdEvaluation.Evaluate(Alarm(AlarmStates.Alarm), [10, 20, 30.5])!;
        outcome.State.ShouldBe(AlarmStates.Ok);
        outcome.Reason.ShouldBe("Transition to ok due to 3 samples inside threshold, most recent: 30.5");
    }

    [Fact]
    public void Evaluate_TooFewPoints_GoesToInsufficientDataOnce()
    {
        var outcome = ThresholdEvaluation.Evaluate(Alarm(AlarmStates.Ok), [90, 95])!;
        outcome.State.ShouldBe(AlarmStates.InsufficientData);
        outcome.Reason.ShouldBe("3 datapoints are unknown");
        ThresholdEvaluation.Evaluate(Alarm(AlarmStates.InsufficientData), [90]).ShouldBeNull();
    }

    [Fact]
    public void Evaluate_MixedWindow_KeepsStateButUnknownFollowsTheTrend()
    {
        ThresholdEvaluation.Evaluate(Alarm(AlarmStates.Ok), [90, 10, 95]).ShouldBeNull();
        ThresholdEvaluation.Evaluate(Alarm(AlarmStates.InsufficientData), [10, 20, 95])!.State.ShouldBe(AlarmStates.Alarm);
    }

    [Fact]
    public void Evaluate_UnchangedState_NothingUnlessRepeatActions()
    {
        ThresholdEvaluation.Evaluate(Alarm(AlarmStates.Alarm), [90, 91, 92]).ShouldBeNull();
        var repeated = ThresholdEvaluation.Evaluate(Alarm(AlarmStates.Alarm, repeat: true), [90, 91, 92])!;
        repeated.State.ShouldBe(AlarmStates.Alarm);
        repeated.Reason.ShouldStartWith("Remaining as alarm due to 3 samples outside threshold");
    }

    [Theory]
    [InlineData("lt", 79, true)]
    [InlineData("le", 80, true)]
    [InlineData("eq", 80, true)]
    [InlineData("ne", 80, false)]
    [InlineData("ge", 79, false)]
    [InlineData("gt", 81, true)]
    public void Breaches_Operators_CompareValueToThreshold(string op, double value, bool expected) =>
        ThresholdEvaluation.Breaches(op, value, 80).ShouldBe(expected);

    [Fact]
    public void IsWithin_TimeConstraint_HonoursCronDurationAndZone()
    {
        var nightly = new AlarmTimeConstraint("night", "d", "0 23 * * *", 3 * 3600, "Europe/Paris");
        // 23:30 in Paris (UTC+1 in December) is 22:30 UTC: inside; 12:00 UTC is outside.
        TimeConstraintRules.IsWithin([nightly], new DateTimeOffset(2026, 12, 2, 22, 30, 0, TimeSpan.Zero)).ShouldBeTrue();
        TimeConstraintRules.IsWithin([nightly], new DateTimeOffset(2026, 12, 3, 0, 30, 0, TimeSpan.Zero)).ShouldBeTrue();
        TimeConstraintRules.IsWithin([nightly], new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero)).ShouldBeFalse();
        TimeConstraintRules.IsWithin([], DateTimeOffset.UtcNow).ShouldBeTrue();
    }
}
