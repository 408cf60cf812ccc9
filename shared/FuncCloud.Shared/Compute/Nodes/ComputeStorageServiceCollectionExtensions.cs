using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.InstanceActions;
using FuncCloud.Shared.Compute.Placement;
using FuncCloud.Shared.Compute.Servers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FuncCloud.Shared.Compute.Nodes;

/// <summary>DI registration of the compute state both the API and the workflows use.</summary>
public static class ComputeStorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the server, node, placement and instance-action repositories and the node reader; binds
    /// <see cref="PlacementOptions"/> (<c>FuncCloud:Compute:Placement</c>) and <see cref="ComputeNodeOptions"/>
    /// (<c>FuncCloud:Compute:Nodes</c>). Idempotent (both hosts' extensions call it).
    /// </summary>
    public static IServiceCollection AddFuncCloudComputeState(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PlacementOptions>().Bind(configuration.GetSection(PlacementOptions.SectionName));
        services.AddOptions<ComputeNodeOptions>().Bind(configuration.GetSection(ComputeNodeOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ServerRepository>();
        services.TryAddSingleton<ComputeNodeRepository>();
        services.TryAddSingleton<NodeFleets>();
        services.TryAddSingleton<PlacementService>();
        services.TryAddSingleton<InstanceActionRepository>();
        services.TryAddSingleton<ComputeNodeReader>();
        services.TryAddSingleton<IComputeNodeReader>(sp => sp.GetRequiredService<ComputeNodeReader>());
        services.TryAddSingleton<IComputeNodeAdmin>(sp => sp.GetRequiredService<ComputeNodeReader>());
        return services;
    }
}
