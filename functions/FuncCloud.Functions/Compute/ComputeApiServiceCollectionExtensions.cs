using FuncCloud.Functions.Identity.Bootstrap;
using FuncCloud.Shared.Compute.Aggregates;
using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.Flavors;
using FuncCloud.Shared.Compute.Keypairs;
using FuncCloud.Shared.Compute.Quotas;
using FuncCloud.Shared.Compute.ServerGroups;
using FuncCloud.Shared.Compute.Usage;
using FuncCloud.Functions.Compute.Usage;
using FuncCloud.Shared.Security.Policy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using FuncCloud.Shared.OpenStack.Errors;

namespace FuncCloud.Functions.Compute;

/// <summary>DI registration of the Nova API surface around servers.</summary>
public static class ComputeApiServiceCollectionExtensions
{
    /// <summary>
    /// Binds <c>FuncCloud:Compute:Flavors</c> and <c>FuncCloud:Compute:Quotas</c>; registers the nova call
    /// frame, policy defaults, flavor/key pair/server group stores, quotas, the default flavors bootstrapper
    /// and the <c>compute</c> catalog entry. <see cref="IComputeUsageSource"/>, <see cref="IComputeNodeReader"/>
    /// and <see cref="IComputeNodeAdmin"/> get placeholders only when the compute core has not registered its own.
    /// </summary>
    public static IServiceCollection AddFuncCloudComputeApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ComputeFlavorOptions>(configuration.GetSection("FuncCloud:Compute:Flavors"));
        services.AddErrorShape(ComputeRoutes.Root, NovaErrorBodyFormatter.Instance);
        services.Configure<ComputeQuotaOptions>(configuration.GetSection("FuncCloud:Compute:Quotas"));
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<IPolicyDefaults, ComputeApiPolicyDefaults>();
        services.AddSingleton<NovaHttp>();
        services.AddSingleton<ComputeApiPolicy>();
        services.AddSingleton<FlavorService>();
        services.AddSingleton<KeypairService>();
        services.AddSingleton<AggregateStore>();
        services.AddSingleton<AggregateService>();
        services.AddSingleton<AvailabilityZoneResolver>();
        services.AddSingleton<ServerGroupService>();
        services.AddSingleton<ComputeApiTable>();
        services.AddSingleton<IFlavorStore, FlavorStore>();
        services.AddSingleton<IKeypairStore, KeypairStore>();
        services.AddSingleton<IServerGroupStore, ServerGroupStore>();
        services.AddSingleton<IServerGroupMembership, ServerGroupMembership>();
        services.AddSingleton<IComputeQuotaService, ComputeQuotaService>();

        services.TryAddSingleton<IComputeUsageSource, NoComputeUsageSource>();
        services.TryAddSingleton<InMemoryComputeNodeRegistry>();
        services.TryAddSingleton<IComputeNodeReader>(sp => sp.GetRequiredService<InMemoryComputeNodeRegistry>());
        services.TryAddSingleton<IComputeNodeAdmin>(sp => sp.GetRequiredService<InMemoryComputeNodeRegistry>());

        services.AddSingleton<IPolicyDefaults, UsagePolicyDefaults>();
        services.TryAddSingleton<ServerUsageIndex>();
        services.TryAddSingleton<ServerUsageBackfill>();
        services.AddSingleton<TenantUsageService>();

        services.AddSingleton<IHostedService, FlavorBootstrapper>();
        services.AddSingleton(new CatalogServiceDefinition("compute", "nova", ComputeRoutes.V21));
        return services;
    }
}
