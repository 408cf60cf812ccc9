namespace FuncCloud.Agent.Commands;

/// <summary>
/// One command at a time per server (nova's per-instance lock), and the set of servers with a command in
/// flight, which the power-state reconciler flags instead of judging.
/// </summary>
public sealed class ServerLocks
{
    private readonly Dictionary<string, (SemaphoreSlim Gate, int Users)> _locks = new(StringComparer.Ordinal);

    /// <summary>Waits for the server's lock; dispose the result to release it.</summary>
    public async Task<IDisposable> AcquireAsync(string serverId, CancellationToken cancellationToken)
    {
        SemaphoreSlim gate;
        lock (_locks)
        {
            if (!_locks.TryGetValue(serverId, out var entry))
            {
                entry = (new SemaphoreSlim(1, 1), 0);
            }

            _locks[serverId] = (entry.Gate, entry.Users + 1);
            gate = entry.Gate;
        }

        try
        {
            await gate.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(serverId);
            throw;
        }

        return new Releaser(this, serverId, gate);
    }

    /// <summary>True while a command for the server runs or waits.</summary>
    public bool IsBusy(string serverId)
    {
        lock (_locks)
        {
            return _locks.ContainsKey(serverId);
        }
    }

    private void Leave(string serverId)
    {
        lock (_locks)
        {
            var entry = _locks[serverId];
            if (entry.Users == 1)
            {
                _locks.Remove(serverId);
                entry.Gate.Dispose();
            }
            else
            {
                _locks[serverId] = (entry.Gate, entry.Users - 1);
            }
        }
    }

    private sealed class Releaser(ServerLocks owner, string serverId, SemaphoreSlim gate) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                gate.Release();
                owner.Leave(serverId);
            }
        }
    }
}
