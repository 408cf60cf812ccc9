using FuncCloud.Functions.Monitor.Api;
using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Web.Assets;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Net.Http.Headers;

namespace FuncCloud.Functions.Monitor.Functions;

/// <summary>
/// <c>GET /monitor/{*path}</c>: the web front-end. Hashed files under <c>assets/</c> are cached for a year,
/// the entry page is revalidated every time; text is sent gzipped when the browser accepts it; any other
/// path is a client-side route and gets the entry page (the app routes itself). No session: the app keeps
/// the user's keystone token and calls the APIs with it.
/// </summary>
public sealed class ServeWebApp
{
    [Function(nameof(ServeWebApp))]
    public IResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = MonitorRoutes.App + "/{*path}")] HttpRequest req)
    {
        // Read from the route values: the catch-all is empty (absent) for the app's root.
        var path = req.HttpContext.GetRouteValue("path") as string ?? string.Empty;
        if (path.Length == 0 && !req.Path.Value!.EndsWith('/'))
        {
            return Results.Redirect(req.PathBase + req.Path + "/" + req.QueryString);
        }

        if (path.StartsWith("api/", StringComparison.Ordinal) || path == "api")
        {
            return OpenStackHttp.Error(KeystoneErrorBodyFormatter.Instance, new ResourceNotFoundException("monitor API route", "/" + MonitorRoutes.App + "/" + path));
        }

        var asset = WebAssets.Find(path);
        if (asset is null && path.StartsWith("assets/", StringComparison.Ordinal))
        {
            return Results.NotFound();
        }

        asset ??= WebAssets.Find(WebAssets.Index);
        if (asset is null)
        {
            return Results.Text("The web front-end was not built into this deployment.", "text/plain", statusCode: StatusCodes.Status404NotFound);
        }

        var headers = req.HttpContext.Response.Headers;
        headers.CacheControl = asset.Immutable ? "public, max-age=31536000, immutable" : "no-cache";
        headers.XContentTypeOptions = "nosniff";
        headers.Vary = HeaderNames.AcceptEncoding;
        if (asset.Gzip is { } gzip && req.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase))
        {
            headers.ContentEncoding = "gzip";
            return Results.Bytes(gzip, asset.ContentType);
        }

        return Results.Bytes(asset.Content, asset.ContentType);
    }
}
