namespace FuncCloud.Shared.Storage;

/// <summary>
/// Lets a function tell the host's listener of a queue that messages are waiting, so it polls now instead of
/// at the end of its idle back-off. The LocalHost implements it; the Azure Functions host has no such hook
/// (resolve it optionally: without it the listener's own polling finds the messages).
/// </summary>
public interface IQueueListenerWake
{
    /// <summary>Wakes the listeners of <paramref name="queueName"/> (the storage name, prefix included); false when none listens here.</summary>
    bool Wake(string queueName);
}
