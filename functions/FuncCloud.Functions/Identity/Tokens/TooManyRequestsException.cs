using FuncCloud.Shared.OpenStack.Errors;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Functions.Identity.Tokens;

/// <summary>429: too many failed password attempts; the caller may retry after <see cref="RetryAfter"/>.</summary>
public sealed class TooManyRequestsException(TimeSpan retryAfter)
    : OpenStackException(StatusCodes.Status429TooManyRequests, "Too Many Requests",
        $"Too many failed authentication attempts. Retry after {(int)Math.Ceiling(retryAfter.TotalSeconds)} seconds.")
{
    /// <summary>How long until the window ends.</summary>
    public TimeSpan RetryAfter { get; } = retryAfter;

    /// <summary>The <c>Retry-After</c> header value (whole seconds, at least 1).</summary>
    public string RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
