namespace FuncCloud.Functions.Network.Wiring;

/// <summary>
/// The revision stamped on every computed state: the clock's ticks, never less than one more than the last
/// one this process handed out. A state computed later has read every change committed before it, so "newer
/// revision" means "at least as fresh" without a shared counter row that every Neutron write would contend on.
/// Across replicas it relies on their clocks agreeing to within the agents' fetch interval (a skipped fetch
/// is healed by the next periodic one).
/// </summary>
public sealed class NetworkRevision(TimeProvider clock)
{
    private long _last;

    /// <summary>The next revision.</summary>
    public long Next()
    {
        while (true)
        {
            var last = Interlocked.Read(ref _last);
            var next = Math.Max(last + 1, clock.GetUtcNow().UtcTicks);
            if (Interlocked.CompareExchange(ref _last, next, last) == last)
            {
                return next;
            }
        }
    }
}
