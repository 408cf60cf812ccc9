using Microsoft.AspNetCore.Http;

namespace FuncCloud.Shared.OpenStack.Errors;

/// <summary>Renders an <see cref="OpenStackException"/> in one service's error body shape.</summary>
public interface IErrorBodyFormatter
{
    /// <summary>The JSON-serialisable body for <paramref name="error"/>.</summary>
    object Format(OpenStackException error);

    /// <summary>
    /// The response for <paramref name="error"/>: <see cref="Format"/> as JSON. A service whose errors are
    /// not JSON (swift answers plain text) overrides this.
    /// </summary>
    IResult Result(OpenStackException error) => OpenStackHttp.JsonError(error, Format(error));
}

/// <summary>Keystone's shape: <c>{"error": {"code": 401, "message": "...", "title": "Unauthorized"}}</c>.</summary>
public sealed class KeystoneErrorBodyFormatter : IErrorBodyFormatter
{
    /// <summary>The shared instance.</summary>
    public static readonly KeystoneErrorBodyFormatter Instance = new();

    /// <inheritdoc />
    public object Format(OpenStackException error) => new KeystoneErrorBody(new KeystoneError(error.StatusCode, error.Message, error.Title));
}

/// <summary>Keystone's error envelope.</summary>
public sealed record KeystoneErrorBody(KeystoneError Error);

/// <summary>Keystone's error details.</summary>
public sealed record KeystoneError(int Code, string Message, string Title);
