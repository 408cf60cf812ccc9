using FuncCloud.Shared.Automation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FuncCloud.Durable.Automation;

/// <summary>DI registration of the automation workflow's services.</summary>
public static class AutomationDurableServiceCollectionExtensions
{
    /// <summary>Registers the results store, the replies and the loopback dispatcher.</summary>
    public static IServiceCollection AddFuncCloudAutomationWorkflows(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddFuncCloudAutomationState(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AutomationDispatcher>();
        return services;
    }
}
