using FuncCloud.Functions.Compute.Agents;
using FuncCloud.Functions.Compute.Nodes;
using FuncCloud.Functions.Compute.Servers.Services;
using FuncCloud.Shared.Agents;
using FuncCloud.Shared.Compute.Nodes;
using FuncCloud.Shared.Compute.Quotas;
using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Image;
using FuncCloud.Shared.Security.Policy;
using FuncCloud.Shared.Volume;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FuncCloud.Functions.Compute.Servers;

/// <summary>DI registration of the compute core's API side (servers, nodes, agent results).</summary>
public static class ComputeServiceCollectionExtensions
{
    /// <summary>
    /// Binds <c>FuncCloud:Compute</c> (<see cref="ComputeOptions"/>); registers compute state (servers, nodes,
    /// placement, instance actions), the Glance-backed image source, the table-backed node reader and usage source (call before
    /// <c>AddFuncCloudComputeApi</c> so its placeholders stay unused), and the server services.
    /// </summary>
    public static IServiceCollection AddFuncCloudCompute(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ComputeOptions>(configuration.GetSection(ComputeOptions.SectionName));
        services.AddFuncCloudComputeState(configuration);
        services.TryAddSingleton<IComputeUsageSource, ComputeUsageCounters>();
        services.AddFuncCloudImageStorage();
        services.TryAddSingleton<IServerImageSource, GlanceServerImageSource>();
        services.TryAddSingleton<NodeCommandSignals>();
        services.TryAddSingleton<AgentCommandSender>();
        services.AddSingleton<IPolicyDefaults, ServerPolicyDefaults>();
        services.AddSingleton<ServerPolicy>();
        services.AddSingleton<ServerQueries>();
        services.AddSingleton<Microsoft.Extensions.Hosting.IHostedService, ServerListIndexBackfill>();
        services.AddSingleton<ServerCreator>();
        services.AddSingleton<ServerBlockDevicePlanner>();
        services.AddSingleton<ServerOperations>();
        services.AddSingleton<ServerSnapshotCreator>();
        services.AddSingleton<Images.ComputeImageProxy>();
        services.AddSingleton<ServerActionHandler>();
        services.AddSingleton<ServerMetadataService>();
        services.AddSingleton<ComputeNodeService>();
        services.AddSingleton<FleetNodeService>();
        services.AddSingleton<PowerStateSync>();
        services.AddSingleton<InstanceActions.InstanceActionWire>();
        services.AddFuncCloudVolumeState(configuration);
        services.AddSingleton<VolumeAttachments.ServerVolumeService>();
        return services;
    }
}
