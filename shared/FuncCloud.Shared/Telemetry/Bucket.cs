namespace FuncCloud.Shared.Telemetry;

/// <summary>
/// What a time bucket keeps of the measures that fell into it: enough to answer every supported aggregation
/// method without the raw points. Merging is order-independent (first/last go by timestamp), so measures may
/// arrive out of order and in any batching.
/// </summary>
public struct Bucket
{
    /// <summary>The number of measures.</summary>
    public long Count;

    /// <summary>Their sum.</summary>
    public double Sum;

    /// <summary>The sum of their squares (for <c>std</c>).</summary>
    public double SumOfSquares;

    /// <summary>The smallest.</summary>
    public double Min;

    /// <summary>The largest.</summary>
    public double Max;

    /// <summary>The timestamp (ticks) of the earliest.</summary>
    public long FirstTicks;

    /// <summary>The earliest value.</summary>
    public double First;

    /// <summary>The timestamp (ticks) of the latest.</summary>
    public long LastTicks;

    /// <summary>The latest value (on a tie, the one added last).</summary>
    public double Last;

    /// <summary>Adds one measure.</summary>
    public void Add(long ticks, double value)
    {
        if (Count == 0)
        {
            this = new Bucket { Count = 1, Sum = value, SumOfSquares = value * value, Min = value, Max = value, FirstTicks = ticks, First = value, LastTicks = ticks, Last = value };
            return;
        }

        Count++;
        Sum += value;
        SumOfSquares += value * value;
        Min = Math.Min(Min, value);
        Max = Math.Max(Max, value);
        if (ticks < FirstTicks)
        {
            FirstTicks = ticks;
            First = value;
        }

        if (ticks >= LastTicks)
        {
            LastTicks = ticks;
            Last = value;
        }
    }

    /// <summary>
    /// The value of <paramref name="method"/> for this bucket, or null when it has none (an empty bucket, <c>std</c>
    /// of one measure, a rate with no earlier measure). <paramref name="previous"/> is the closest earlier non-empty
    /// bucket of the same series: the first difference of this bucket is taken against its last measure.
    /// </summary>
    public readonly double? Value(string method, Bucket? previous)
    {
        if (Count == 0)
        {
            return null;
        }

        switch (method)
        {
            case "mean": return Sum / Count;
            case "min": return Min;
            case "max": return Max;
            case "sum": return Sum;
            case "count": return Count;
            case "first": return First;
            case "last": return Last;
            case "std":
                return Count < 2 ? null : Math.Sqrt(Math.Max(0, (SumOfSquares - (Sum * Sum / Count)) / (Count - 1)));
        }

        // Differences telescope: the deltas of this bucket's measures sum to its last value minus the last value
        // before it; without an earlier measure the bucket's own first measure has no delta.
        var (deltaSum, deltas) = previous is { Count: > 0 } p ? (Last - p.Last, Count) : (Last - First, Count - 1);
        if (deltas <= 0)
        {
            return null;
        }

        return method switch
        {
            "rate:mean" => deltaSum / deltas,
            "rate:sum" => deltaSum,
            "rate:count" => deltas,
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unsupported aggregation method."),
        };
    }
}
