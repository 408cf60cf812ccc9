namespace FuncCloud.Durable.Compute.Scheduling;

/// <summary>
/// A scheduler filter (nova's BaseHostFilter): passes or rejects one host for one request, saying why, so
/// that "no valid host" names the filter that emptied the list and the numbers behind it.
/// </summary>
public interface IHostFilter
{
    /// <summary>The filter's name in messages (nova's class names: RamFilter, ComputeFilter ...).</summary>
    string Name { get; }

    /// <summary>Null when <paramref name="host"/> passes, else the reason it does not.</summary>
    string? Reject(HostState host, RequestSpec spec);

    /// <summary>One line for "0 hosts left after {Name}: ..." from the hosts it rejected.</summary>
    string Summarize(IReadOnlyList<(HostState Host, string Reason)> rejected, RequestSpec spec) =>
        string.Join("; ", rejected.Select(r => r.Reason).Distinct().Take(3)) + (rejected.Count > 3 ? $" (and {rejected.Count - 3} more hosts)" : string.Empty);
}

/// <summary>A scheduler weigher (nova's BaseHostWeigher): a raw score, normalised across hosts, times a multiplier.</summary>
public interface IHostWeigher
{
    /// <summary>The multiplier from options (0 disables the weigher).</summary>
    double Multiplier { get; }

    /// <summary>The raw score of a host; higher is preferred when the multiplier is positive.</summary>
    double Weigh(HostState host, RequestSpec spec);
}
