namespace FuncCloud.Functions.Alarming;

/// <summary>The alarming service's settings, bound from <c>FuncCloud:Alarming</c>.</summary>
public sealed class AlarmingOptions
{
    /// <summary>How often every enabled alarm is evaluated (aodh's <c>evaluation_interval</c>, 60 s).</summary>
    public TimeSpan EvaluationInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Hosts that <c>http(s)://</c> actions may target. Default: loopback only, so a tenant cannot make the
    /// cloud send requests into the operator's network; an alarm naming another host is refused (400).
    /// </summary>
    public List<string> AllowedActionHosts { get; set; } = [];

    /// <summary>The Gnocchi endpoint; default: the <c>metric</c> endpoint the catalog lists (public endpoint + <c>/metric</c>).</summary>
    public string? GnocchiEndpoint { get; set; }

    /// <summary>Alarms evaluated at once (each is one or two gnocchi reads).</summary>
    public int EvaluationConcurrency { get; set; } = 16;

    /// <summary>The most alarms one evaluation round visits; the rest wait for the next round (bounded work per tick).</summary>
    public int MaxAlarmsPerRound { get; set; } = 10_000;

    /// <summary>The timeout of one gnocchi read.</summary>
    public TimeSpan GnocchiTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The timeout of one webhook POST (aodh's <c>rest_notifier</c> has none by default; an unbounded wait would stall a round).</summary>
    public TimeSpan ActionTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Extends every evaluation window back by this much (aodh's <c>additional_ingestion_lag</c>, 0 by default).</summary>
    public TimeSpan AdditionalIngestionLag { get; set; } = TimeSpan.Zero;

    /// <summary>The default allowlist: loopback.</summary>
    public static readonly IReadOnlyList<string> LoopbackHosts = ["127.0.0.1", "::1", "[::1]", "localhost"];
}
