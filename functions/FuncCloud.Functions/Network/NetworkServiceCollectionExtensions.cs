using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Functions.Identity.Bootstrap;
using FuncCloud.Functions.Network.Api;
using FuncCloud.Durable.Compute.Networking;
using FuncCloud.Functions.Network.Bootstrap;
using FuncCloud.Functions.Network.Compute;
using FuncCloud.Functions.Network.Services;
using FuncCloud.Functions.Network.Wiring;
using FuncCloud.Shared.Agents;
using FuncCloud.Shared.Network;
using FuncCloud.Shared.Security.Policy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace FuncCloud.Functions.Network;

/// <summary>DI registration of the networking service (Neutron v2.0).</summary>
public static class NetworkServiceCollectionExtensions
{
    /// <summary>
    /// Binds <c>FuncCloud:Network</c>; registers the store, the resource kinds, neutron's policy defaults and
    /// the catalog entry (<c>network</c> → <c>/network</c>).
    /// </summary>
    public static IServiceCollection AddFuncCloudNetwork(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<NetworkOptions>(configuration.GetSection("FuncCloud:Network"));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<FuncCloud.Shared.Rating.ResourceUsageIndex>();
        services.AddSingleton<NetworkStore>();
        services.AddErrorShape(NeutronRoutes.Root, NeutronErrorBodyFormatter.Instance);
        services.AddSingleton<IPolicyDefaults, NetworkPolicyDefaults>();
        services.AddSingleton<NeutronHttp>();
        services.AddSingleton<NeutronContext>();
        services.AddSingleton<NetworkKind>();
        services.AddSingleton<SubnetKind>();
        services.AddSingleton<SubnetPoolKind>();
        services.AddSingleton<PortKind>();
        services.AddSingleton<SecurityGroupKind>();
        services.AddSingleton<SecurityGroupRuleKind>();
        services.AddSingleton<RouterKind>();
        services.AddSingleton<FloatingIpKind>();
        services.AddSingleton<RbacPolicyKind>();
        services.AddSingleton<ResourceKind>(sp => sp.GetRequiredService<NetworkKind>());
        services.AddSingleton<ResourceKind>(sp => sp.GetRequiredService<SubnetKind>());
        services.AddSingleton<ResourceKind>(sp => sp.GetRequiredService<SubnetPoolKind>());
        services.AddSingleton<ResourceKind>(sp => sp.GetRequiredService<PortKind>());
        services.AddSingleton<ResourceKind>(sp => sp.GetRequiredService<SecurityGroupKind>());
        services.AddSingleton<ResourceKind>(sp => sp.GetRequiredService<SecurityGroupRuleKind>());
        services.AddSingleton<ResourceKind>(sp => sp.GetRequiredService<RouterKind>());
        services.AddSingleton<ResourceKind>(sp => sp.GetRequiredService<FloatingIpKind>());
        services.AddSingleton<ResourceKind>(sp => sp.GetRequiredService<RbacPolicyKind>());
        services.AddSingleton<ResourceRegistry>();
        services.AddSingleton<RouterInterfaces>();
        services.AddSingleton<NetworkQuotas>();
        services.AddSingleton<NetworkRevision>();
        services.AddSingleton<NetworkScheduler>();
        services.AddSingleton<NetworkSyncNotifier>();
        services.AddSingleton<NetworkNodeService>();
        services.AddSingleton<NetworkAgents>();
        services.TryAddSingleton<NodeCommandSignals>();
        services.TryAddSingleton<AgentCommandSender>();
        services.AddSingleton<AutoAllocatedTopology>();
        services.AddSingleton<ServerNetworkResolver>();
        services.AddSingleton<ServerAddresses>();
        services.AddSingleton<ServerSecurityGroupNames>();
        services.AddSingleton<ServerSecurityGroups>();
        services.AddSingleton<ServerInterfaces>();
        services.AddSingleton<ServerPortService>();
        services.AddSingleton<VifPluggedService>();
        services.AddSingleton<ServerInterfaceWorkflows>();
        services.AddSingleton<IServerPorts>(sp => sp.GetRequiredService<ServerPortService>());
        services.AddSingleton(new CatalogServiceDefinition("network", "neutron", NeutronRoutes.Root));
        services.Configure<NetworkBootstrapOptions>(configuration.GetSection(NetworkBootstrapOptions.Section));
        services.AddSingleton<NetworkBootstrapper>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<NetworkBootstrapper>());
        return services;
    }
}
