using System.Globalization;
using FuncCloud.Shared.Compute.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace FuncCloud.Benchmarks.Compute;

/// <summary>
/// Samples every node's last heartbeat every 2 s during a run (the liveness rows: at most 64 reads however many nodes)
/// and counts the nodes that were ever older than the down time, i.e. the heartbeat timeouts the scheduler would have
/// acted on.
/// </summary>
public sealed class HeartbeatWatch : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly HashSet<string> _timedOut = new(StringComparer.Ordinal);
    private TimeSpan _maxAge;
    private int _samples;

    public HeartbeatWatch(IServiceProvider services, int nodes, string pattern, TimeSpan downAfter)
    {
        var liveness = services.GetRequiredService<ComputeNodeRepository>().Liveness;
        var names = Enumerable.Range(1, nodes).Select(i => string.Format(CultureInfo.InvariantCulture, pattern, i)).ToList();
        _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                var (beats, _) = await liveness.ListChangedAsync(null, CancellationToken.None);
                var now = DateTimeOffset.UtcNow;
                foreach (var name in names)
                {
                    // A node with no beat row yet counts from its registration: the row's own beat is not read here.
                    if (beats.TryGetValue(name, out var at))
                    {
                        var age = now - at;
                        _maxAge = age > _maxAge ? age : _maxAge;
                        if (age > downAfter)
                        {
                            _timedOut.Add(name);
                        }
                    }
                }

                _samples++;
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(2), _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        });
    }

    /// <summary>Stops sampling: the nodes that timed out, the oldest beat seen, and how many samples were taken.</summary>
    public async Task<(int TimedOut, TimeSpan MaxAge, int Samples)> StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        return (_timedOut.Count, _maxAge, _samples);
    }

    public void Dispose() => _stop.Dispose();
}
