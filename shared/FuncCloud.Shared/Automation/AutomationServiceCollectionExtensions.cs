using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FuncCloud.Shared.Automation;

/// <summary>DI registration of the automation state both the queue trigger and the workflow use.</summary>
public static class AutomationServiceCollectionExtensions
{
    /// <summary>Binds <see cref="AutomationOptions"/> and registers the results store and the reply sender.</summary>
    public static IServiceCollection AddFuncCloudAutomationState(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AutomationOptions>()
            .Bind(configuration.GetSection("FuncCloud:Automation"))
            .PostConfigure(o => o.ApiEndpoint ??= configuration["FuncCloud:Bootstrap:PublicEndpoint"] ?? "http://127.0.0.1:7071");
        services.TryAddSingleton<AutomationStore>();
        services.TryAddSingleton<AutomationReplies>();
        return services;
    }
}
