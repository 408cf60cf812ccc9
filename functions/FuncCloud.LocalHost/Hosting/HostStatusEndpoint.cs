using FuncCloud.LocalHost.Catalog;

namespace FuncCloud.LocalHost.Hosting;

/// <summary>
/// <c>GET /admin/host/status</c>, the Functions host's own health endpoint: <c>./funccloud up</c> and
/// load balancers poll it. It answers once the host has started every listener.
/// </summary>
public static class HostStatusEndpoint
{
    /// <summary>Maps the status endpoint.</summary>
    public static IEndpointRouteBuilder MapHostStatus(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/admin/host/status", (FunctionCatalog catalog, IHostApplicationLifetime lifetime) =>
            Results.Json(new HostStatus(
                lifetime.ApplicationStarted.IsCancellationRequested ? "Running" : "Initialized",
                typeof(HostStatusEndpoint).Assembly.GetName().Version?.ToString() ?? "0.0.0",
                catalog.Functions.Count)));
        return endpoints;
    }

    /// <summary>The status body.</summary>
    public sealed record HostStatus(string State, string Version, int Functions);
}
