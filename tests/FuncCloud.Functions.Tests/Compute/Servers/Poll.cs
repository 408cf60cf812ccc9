namespace FuncCloud.Functions.Tests.Compute.Servers;

/// <summary>Bounded polling for asynchronous outcomes (the machine is loaded: generous, but never unbounded).</summary>
public static class Poll
{
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (await condition())
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds} s waiting for {what}.");
            }

            await Task.Delay(200);
        }
    }
}
