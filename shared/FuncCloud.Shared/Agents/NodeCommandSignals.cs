using System.Collections.Concurrent;

namespace FuncCloud.Shared.Agents;

/// <summary>
/// In-process wake-ups for agents: <see cref="AgentCommandSender"/> bumps a node's sequence after it enqueues a
/// command, and the node's long-poll (<c>GET .../os-funccloud-nodes/{node}/command-signal</c>) returns as soon as
/// the sequence moves, so the agent polls its queue at once instead of after its idle back-off. An optimisation
/// only: the queue stays the delivery path, and a command enqueued by another replica (whose signals this
/// process never sees) is found by the agent's own polling.
/// </summary>
public sealed class NodeCommandSignals
{
    private readonly ConcurrentDictionary<string, NodeSignal> _nodes = new(StringComparer.Ordinal);

    /// <summary>Marks that <paramref name="nodeName"/>'s queue has something new.</summary>
    public void Signal(string nodeName) => _nodes.GetOrAdd(nodeName, _ => new NodeSignal()).Bump();

    /// <summary>
    /// The node's current sequence once it differs from <paramref name="since"/> (at once if it already does),
    /// or the unchanged sequence after <paramref name="wait"/>. A restarted host starts again from 0, which
    /// differs from what the agent last saw, so the agent polls once and carries on.
    /// </summary>
    public Task<long> WaitAsync(string nodeName, long since, TimeSpan wait, CancellationToken cancellationToken) =>
        _nodes.GetOrAdd(nodeName, _ => new NodeSignal()).WaitAsync(since, wait, cancellationToken);

    private sealed class NodeSignal
    {
        private readonly Lock _gate = new();
        private long _sequence;
        private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Bump()
        {
            TaskCompletionSource changed;
            lock (_gate)
            {
                _sequence++;
                changed = _changed;
                _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            changed.TrySetResult();
        }

        public async Task<long> WaitAsync(long since, TimeSpan wait, CancellationToken cancellationToken)
        {
            Task changed;
            lock (_gate)
            {
                if (_sequence != since || wait <= TimeSpan.Zero)
                {
                    return _sequence;
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(wait, cancellationToken);
            }
            catch (TimeoutException)
            {
                // Nothing new within the wait: the agent asks again.
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The caller went away (an agent stopping): nobody reads the answer, it is not a failure.
            }

            lock (_gate)
            {
                return _sequence;
            }
        }
    }
}
