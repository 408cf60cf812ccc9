using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace FuncCloud.Functions.Identity.Tokens;

/// <summary>
/// Caps failed password attempts per user and per source address in a fixed window, so guessing cannot
/// starve the control plane: bcrypt at cost 12 is deliberately expensive, and a refused attempt never
/// reaches it. An attempt takes its slot before the hash is checked (so concurrent guesses cannot all slip
/// in before the first failure is counted) and gives it back when the password was right.
/// </summary>
/// <remarks>
/// The counters live in this replica's memory: each replica protects its own CPU, and N replicas allow at
/// most N× the limit. Keystone's lockout (<see cref="IdentityOptions.LockoutFailureAttempts"/>) is separate
/// and stored with the user.
/// </remarks>
public sealed class FailedPasswordLimiter(IOptions<IdentityOptions> options, TimeProvider clock)
{
    // Expired windows are swept when the map grows past this, so sprayed names or addresses cannot grow it unbounded.
    private const int SweepThreshold = 10_000;
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    /// <summary>
    /// Takes one attempt for <paramref name="userKey"/> and <paramref name="sourceAddress"/>; call
    /// <see cref="Succeeded"/> with the returned lease when the password was right.
    /// </summary>
    /// <exception cref="TooManyRequestsException">Either limit is used up for the current window.</exception>
    public Lease Acquire(string userKey, string? sourceAddress)
    {
        var settings = options.Value;
        var keys = new List<(string Key, int Limit)>(2);
        if (settings.FailedPasswordLimitPerUser > 0)
        {
            keys.Add(("user:" + userKey, settings.FailedPasswordLimitPerUser));
        }

        if (settings.FailedPasswordLimitPerAddress > 0 && !string.IsNullOrEmpty(sourceAddress))
        {
            keys.Add(("addr:" + sourceAddress, settings.FailedPasswordLimitPerAddress));
        }

        if (keys.Count == 0)
        {
            return new Lease([]);
        }

        Sweep();
        var now = clock.GetUtcNow();
        var taken = new List<Window>(keys.Count);
        foreach (var (key, limit) in keys)
        {
            var window = _windows.AddOrUpdate(
                key,
                _ => new Window(now + settings.FailedPasswordWindow),
                (_, existing) => existing.EndsAt <= now ? new Window(now + settings.FailedPasswordWindow) : existing);
            if (!window.TryTake(limit))
            {
                foreach (var earlier in taken)
                {
                    earlier.Give();
                }

                var retryAfter = window.EndsAt - now;
                throw new TooManyRequestsException(retryAfter > TimeSpan.Zero ? retryAfter : TimeSpan.FromSeconds(1));
            }

            taken.Add(window);
        }

        return new Lease(taken);
    }

    /// <summary>The password was right: the attempt does not count as a failure.</summary>
    public static void Succeeded(Lease lease)
    {
        foreach (var window in lease.Windows)
        {
            window.Give();
        }
    }

    private void Sweep()
    {
        if (_windows.Count < SweepThreshold)
        {
            return;
        }

        var now = clock.GetUtcNow();
        foreach (var (key, window) in _windows)
        {
            if (window.EndsAt <= now)
            {
                _windows.TryRemove(new KeyValuePair<string, Window>(key, window));
            }
        }
    }

    /// <summary>The counted attempts of one password check.</summary>
    public sealed class Lease
    {
        internal Lease(IReadOnlyList<Window> windows) => Windows = windows;

        internal IReadOnlyList<Window> Windows { get; }
    }

    /// <summary>Failed (or in-flight) attempts of one key until <see cref="EndsAt"/>.</summary>
    internal sealed class Window(DateTimeOffset endsAt)
    {
        private int _count;

        public DateTimeOffset EndsAt { get; } = endsAt;

        public bool TryTake(int limit)
        {
            while (true)
            {
                var current = Volatile.Read(ref _count);
                if (current >= limit)
                {
                    return false;
                }

                if (Interlocked.CompareExchange(ref _count, current + 1, current) == current)
                {
                    return true;
                }
            }
        }

        public void Give() => Interlocked.Decrement(ref _count);
    }
}
