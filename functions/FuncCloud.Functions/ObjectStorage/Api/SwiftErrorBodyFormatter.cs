using FuncCloud.Shared.OpenStack.Errors;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Functions.ObjectStorage.Api;

/// <summary>
/// Swift's error dialect for the host's own errors under <c>/object-store</c> and <c>/info</c> (unknown route,
/// wrong method, an unhandled exception): swift answers text, never JSON, so the response is
/// <see cref="SwiftErrorResult"/>'s and <see cref="Format"/> is the plain-text line.
/// </summary>
public sealed class SwiftErrorBodyFormatter : IErrorBodyFormatter
{
    /// <summary>The shared instance.</summary>
    public static readonly SwiftErrorBodyFormatter Instance = new();

    /// <inheritdoc />
    public object Format(OpenStackException error) => error.Message;

    /// <inheritdoc />
    public IResult Result(OpenStackException error) => new SwiftErrorResult(error);
}
