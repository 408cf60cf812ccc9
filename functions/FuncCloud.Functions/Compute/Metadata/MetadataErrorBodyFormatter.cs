using System.Text;
using FuncCloud.Shared.OpenStack.Errors;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Functions.Compute.Metadata;

/// <summary>
/// The metadata API's errors: plain text as nova's (webob) — guests read them with curl and cloud-init, never
/// as JSON — e.g. <c>404 Not Found\n\nThe resource could not be found.</c>.
/// </summary>
public sealed class MetadataErrorBodyFormatter : IErrorBodyFormatter
{
    /// <summary>The shared instance.</summary>
    public static readonly MetadataErrorBodyFormatter Instance = new();

    /// <inheritdoc />
    public object Format(OpenStackException error) => $"{error.StatusCode} {error.Title}\n\n{error.Message}\n\n   ";

    /// <inheritdoc />
    public IResult Result(OpenStackException error) =>
        Results.Text((string)Format(error), "text/plain; charset=UTF-8", Encoding.UTF8, error.StatusCode);
}
