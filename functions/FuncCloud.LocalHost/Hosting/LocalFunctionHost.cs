using System.Reflection;
using FuncCloud.LocalHost.Catalog;
using FuncCloud.LocalHost.Durable;
using FuncCloud.LocalHost.Http;
using FuncCloud.LocalHost.Invocation;
using FuncCloud.LocalHost.Queues;
using FuncCloud.LocalHost.Timers;
using FuncCloud.Shared.Storage;

namespace FuncCloud.LocalHost.Hosting;

/// <summary>
/// Builds a web application that runs the <c>[Function]</c> classes of the given assemblies with the
/// Azure Functions trigger semantics. Program.cs and the test fixture both start here.
/// </summary>
public static class LocalFunctionHost
{
    /// <summary>Creates the builder: host.json loaded, the catalog discovered, every trigger registered.</summary>
    public static WebApplicationBuilder CreateBuilder(string[] args, IEnumerable<Assembly> functionAssemblies, string? hostJsonPath = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddHostJson(hostJsonPath);
        builder.Services.AddLocalFunctionHost(builder.Configuration, FunctionCatalog.Discover(functionAssemblies));
        var http = new HttpHostOptions();
        builder.Configuration.GetSection($"{HostJsonConfiguration.Section}:extensions:http").Bind(http);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestLineSize = Math.Max(http.MaxRequestLineLength, http.MaxRequestTargetLength + 1024));
        return builder;
    }

    /// <summary>Registers the catalog, the invoker and the trigger listeners.</summary>
    public static IServiceCollection AddLocalFunctionHost(this IServiceCollection services, IConfiguration configuration, FunctionCatalog catalog)
    {
        var extensions = configuration.GetSection($"{HostJsonConfiguration.Section}:extensions");
        services.Configure<HttpHostOptions>(extensions.GetSection("http"));
        services.Configure<QueuesHostOptions>(extensions.GetSection("queues"));
        services.Configure<DurableTaskHostOptions>(extensions.GetSection("durableTask"));
        services.Configure<FunctionKeyOptions>(configuration.GetSection("FuncCloud:LocalHost"));
        services.AddSingleton(catalog);
        services.AddFuncCloudStorage(configuration);
        services.AddSingleton<FunctionInvoker>();
        services.AddMvcCore();
        services.AddRouting();
        services.AddLocalQueueTriggers();
        services.AddLocalTimerTriggers();
        services.AddLocalDurableTask();
        return services;
    }

    /// <summary>Maps the HTTP triggers and the host status endpoint.</summary>
    public static WebApplication MapLocalFunctions(this WebApplication app)
    {
        app.UseMiddleware<ServiceErrorShapeMiddleware>();
        app.MapHttpTriggers();
        app.MapHostStatus();
        return app;
    }
}
