namespace FuncCloud.Agent.Network;

/// <summary>
/// The "fetch your network state now" wake-up of one node: set by a <c>network-sync</c> kick, awaited by the
/// state loop. Kicks that arrive while a fetch runs collapse into one more fetch (the state is whole, so one
/// fetch after the last kick is enough).
/// </summary>
public sealed class NetworkSyncSignal
{
    private readonly SemaphoreSlim _pending = new(0, 1);

    /// <summary>Asks for a fetch.</summary>
    public void Set()
    {
        try
        {
            _pending.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already pending: one fetch covers both kicks.
        }
    }

    /// <summary>Waits for a kick or <paramref name="timeout"/>; true when kicked.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _pending.WaitAsync(timeout, cancellationToken);
}
