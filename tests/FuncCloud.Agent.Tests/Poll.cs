namespace FuncCloud.Agent.Tests;

/// <summary>Bounded waiting: every wait in these tests ends by a deadline.</summary>
public static class Poll
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    /// <summary>Polls <paramref name="probe"/> until it returns a value or the deadline passes (then throws).</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? timeout = null)
        where T : class
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {(timeout ?? DefaultTimeout).TotalSeconds} s waiting for {what}.");
            }

            await Task.Delay(100);
        }
    }

    public static async Task UntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        await UntilAsync<object>(() => Task.FromResult<object?>(condition() ? new object() : null), what, timeout);

    /// <summary>Polls an asynchronous <paramref name="condition"/> until it holds or the deadline passes (then throws).</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null) =>
        await UntilAsync<object>(async () => await condition() ? new object() : null, what, timeout);
}
