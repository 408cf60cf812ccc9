namespace FuncCloud.Agent.Compute.Fake;

/// <summary>Counts the Fake driver's calls per operation and decides which ones fail and how long they take.</summary>
internal sealed class FakeFaultInjector
{
    private readonly FakeDriverOptions _options;
    private readonly Random _random;
    private readonly int[] _calls = new int[Enum.GetValues<FakeOperation>().Length];
    private readonly HashSet<(FakeOperation Operation, int Call)> _extraFailures = [];
    private readonly Lock _gate = new();

    public FakeFaultInjector(FakeDriverOptions options)
    {
        _options = options;
        _random = options.RandomSeed is { } seed ? new Random(seed) : new Random();
    }

    /// <summary>Counts a call and returns its number, whether it must fail, and its latency.</summary>
    public (int Call, bool Fail, TimeSpan Latency) Next(FakeOperation operation)
    {
        var settings = _options.Operations.GetValueOrDefault(operation.ToString());
        lock (_gate)
        {
            var call = ++_calls[(int)operation];
            var fail = _extraFailures.Remove((operation, call))
                || (settings is not null && (settings.FailOnCalls.Contains(call)
                    || (settings.FailureProbability > 0 && _random.NextDouble() < settings.FailureProbability)));
            return (call, fail, settings?.Latency ?? _options.Latency);
        }
    }

    public int CallCount(FakeOperation operation)
    {
        lock (_gate)
        {
            return _calls[(int)operation];
        }
    }

    public void FailNextCall(FakeOperation operation)
    {
        lock (_gate)
        {
            _extraFailures.Add((operation, _calls[(int)operation] + 1));
        }
    }
}
