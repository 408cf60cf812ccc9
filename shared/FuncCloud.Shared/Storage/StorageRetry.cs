using Azure.Core;

namespace FuncCloud.Shared.Storage;

/// <summary>
/// The retry policy of every storage client FuncCloud creates. Azure.Core's default (3 retries from 0.8 s)
/// gives up within ~6 s, which a loaded emulator or a throttled account outlasts; five exponential retries
/// from 0.5 s capped at 8 s ride out ~20 s of 5xx, 408, 429 and dropped connections before the API answers
/// the service's 503 (<see cref="StorageFailures"/>).
/// </summary>
public static class StorageRetry
{
    /// <summary>Applies the policy to <paramref name="options"/> and returns them.</summary>
    public static T Configure<T>(T options)
        where T : ClientOptions
    {
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = 5;
        options.Retry.Delay = TimeSpan.FromMilliseconds(500);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(8);
        return options;
    }
}
