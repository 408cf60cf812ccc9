using FuncCloud.Shared.Compute;

namespace FuncCloud.Agent.Reconcile;

/// <summary>
/// The power state this node's agent last saw or set per server, so a report can flag what changed behind
/// its back (a guest that shut itself down, a crash) rather than what its own commands did.
/// </summary>
public sealed class ObservedPowerStates
{
    private readonly Dictionary<string, PowerState> _states = new(StringComparer.Ordinal);

    /// <summary>Records the state after a command (null: the server is gone).</summary>
    public void Record(string serverId, PowerState? state)
    {
        lock (_states)
        {
            if (state is { } value)
            {
                _states[serverId] = value;
            }
            else
            {
                _states.Remove(serverId);
            }
        }
    }

    /// <summary>Replaces everything with a fresh observation; returns for each server whether it changed.</summary>
    public IReadOnlyDictionary<string, bool> Replace(IReadOnlyDictionary<string, PowerState> observed)
    {
        lock (_states)
        {
            var changed = observed.ToDictionary(o => o.Key, o => !_states.TryGetValue(o.Key, out var before) || before != o.Value, StringComparer.Ordinal);
            _states.Clear();
            foreach (var (serverId, state) in observed)
            {
                _states[serverId] = state;
            }

            return changed;
        }
    }
}
