using FuncCloud.Durable.Automation;
using FuncCloud.Durable.Compute;
using FuncCloud.Durable.Image;
using FuncCloud.Durable.Volume;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FuncCloud.Durable;

/// <summary>DI registration of the services the orchestrations and activities depend on.</summary>
public static class DurableServiceCollectionExtensions
{
    /// <summary>Registers the workflow services: image import, and compute placement, scheduling and agent dispatch; block storage scheduling.</summary>
    public static IServiceCollection AddFuncCloudDurable(this IServiceCollection services, IConfiguration configuration) =>
        services.AddFuncCloudImageWorkflows().AddFuncCloudComputeWorkflows(configuration).AddFuncCloudVolumeWorkflows(configuration)
            .AddFuncCloudAutomationWorkflows(configuration);
}
