using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.Security;
using FuncCloud.Shared.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FuncCloud.Functions.ObjectStorage.Api;

/// <summary>
/// The frame of every swift function: the transaction id (<c>X-Trans-Id</c>, also sent as
/// <c>X-Openstack-Request-Id</c>), name parsing, the optional keystone token (anonymous requests go on and meet
/// the ACLs), and swift's error responses for every failure (<see cref="SwiftErrorResult"/>).
/// </summary>
public sealed partial class SwiftHttp(IRequestAuthenticator authenticator, TimeProvider clock, ILogger<SwiftHttp> logger)
{
    /// <summary>The header swift names its transactions with.</summary>
    public const string TransIdHeader = "X-Trans-Id";

    /// <summary>Runs a call on an account, container or object.</summary>
    public async Task<IResult> RunAsync(HttpRequest request, Func<SwiftCall, Task<IResult>> action, CancellationToken cancellationToken)
    {
        var transId = NewTransId();
        request.HttpContext.Response.Headers[TransIdHeader] = transId;
        request.HttpContext.Response.Headers[OpenStackHeaders.RequestId] = transId;
        try
        {
            var path = SwiftPath.Parse(request);
            var token = request.Headers[OpenStackHeaders.AuthToken].ToString();
            var caller = token.Length > 0 ? await authenticator.AuthenticateAsync(request, cancellationToken) : null;

            // The authenticator stamps its own request id; swift's is the transaction id.
            request.HttpContext.Response.Headers[OpenStackHeaders.RequestId] = transId;
            return await action(new SwiftCall(request, path, caller, transId));
        }
        catch (OpenStackException error)
        {
            request.HttpContext.Response.Headers[OpenStackHeaders.RequestId] = transId;
            return new SwiftErrorResult(error);
        }
        catch (ConcurrencyException e)
        {
            // Writers kept colliding on one container's totals: swift answers 503 when its backends are too busy.
            LogContention(logger, e, transId);
            return new SwiftErrorResult(new SwiftException(StatusCodes.Status503ServiceUnavailable));
        }
        catch (Exception e) when (StorageFailures.IsTransient(e, request.HttpContext.RequestAborted))
        {
            return Unavailable(request, e, transId);
        }
    }

    /// <summary>Runs an anonymous call that addresses no account (<c>/info</c>).</summary>
    public async Task<IResult> RunAnonymousAsync(HttpRequest request, Func<Task<IResult>> action)
    {
        var transId = NewTransId();
        request.HttpContext.Response.Headers[TransIdHeader] = transId;
        request.HttpContext.Response.Headers[OpenStackHeaders.RequestId] = transId;
        try
        {
            return await action();
        }
        catch (OpenStackException error)
        {
            return new SwiftErrorResult(error);
        }
        catch (Exception e) when (StorageFailures.IsTransient(e, request.HttpContext.RequestAborted))
        {
            return Unavailable(request, e, transId);
        }
    }

    // The storage account failed transiently (OpenStackHttp logs it): swift's own 503 page, with the transaction id.
    private static SwiftErrorResult Unavailable(HttpRequest request, Exception exception, string transId)
    {
        OpenStackHttp.Unavailable(request.HttpContext, exception);
        request.HttpContext.Response.Headers[OpenStackHeaders.RequestId] = transId;
        return new SwiftErrorResult(new SwiftException(StatusCodes.Status503ServiceUnavailable, inner: exception));
    }

    // Swift's form: "tx" + 21 hex digits + "-" + the Unix time in 10 hex digits.
    private string NewTransId() => $"tx{Guid.NewGuid():N}"[..23] + "-" + clock.GetUtcNow().ToUnixTimeSeconds().ToString("x10");

    [LoggerMessage(EventId = 12001, Level = LogLevel.Warning, Message = "Swift {transId}: compare-and-swap contention, answered 503")]
    private static partial void LogContention(ILogger logger, Exception exception, string transId);
}
