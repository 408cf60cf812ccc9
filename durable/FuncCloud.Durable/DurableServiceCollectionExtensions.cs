using FuncCloud.Durable.Compute;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FuncCloud.Durable;

/// <summary>DI registration of the services the orchestrations and activities depend on.</summary>
public static class DurableServiceCollectionExtensions
{
    /// <summary>Registers the workflow services (placement, agent dispatch ...) as they are added.</summary>
    public static IServiceCollection AddFuncCloudDurable(this IServiceCollection services, IConfiguration configuration) =>
        services.AddFuncCloudComputeWorkflows(configuration);
}
