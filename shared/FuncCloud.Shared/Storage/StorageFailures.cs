using System.Net.Sockets;
using Azure;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Shared.Storage;

/// <summary>
/// Tells a transient storage failure (the account or its emulator overloaded, a connection dropped, a call
/// timed out) from a bug. The storage clients already retry these (<see cref="StorageServiceCollectionExtensions"/>);
/// what still escapes is answered as the service's own 503, never a 500.
/// </summary>
public static class StorageFailures
{
    /// <summary>
    /// True when <paramref name="exception"/> is a transient storage failure: a <see cref="RequestFailedException"/>
    /// with status 408, 429 or 5xx or none at all (the transport failed), an <see cref="IOException"/>,
    /// <see cref="SocketException"/>, <see cref="HttpRequestException"/> or <see cref="TimeoutException"/>, a
    /// cancellation the caller did not ask for (a client-side network timeout), or an
    /// <see cref="AggregateException"/> (what Azure.Core throws when its retries are spent) made only of these.
    /// </summary>
    /// <param name="exception">The exception that escaped.</param>
    /// <param name="requestAborted">The caller's token: a cancellation it asked for is not a storage failure.</param>
    public static bool IsTransient(Exception exception, CancellationToken requestAborted = default) => exception switch
    {
        OperationCanceledException => !requestAborted.IsCancellationRequested,
        RequestFailedException { Status: 0 or 408 or 429 or >= 500 } => true,
        RequestFailedException => false,
        // Kestrel's verdict on a request body and a missing file are IOExceptions too, but neither is transient.
        BadHttpRequestException or FileNotFoundException or DirectoryNotFoundException or PathTooLongException => false,
        IOException or SocketException or HttpRequestException or TimeoutException => true,
        AggregateException { InnerExceptions.Count: > 0 } aggregate => aggregate.InnerExceptions.All(e => IsTransient(e, requestAborted)),
        _ => false,
    };
}
