using FuncCloud.Durable.Compute.Scheduling;
using FuncCloud.Durable.Compute.Scheduling.Filters;
using FuncCloud.Durable.Compute.Scheduling.Weighers;
using FuncCloud.Shared.Agents;
using FuncCloud.Shared.Compute.Aggregates;
using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.Nodes;
using FuncCloud.Shared.Image;
using FuncCloud.Shared.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FuncCloud.Durable.Compute;

/// <summary>DI registration of the compute workflows' services: scheduler (filters in nova's order, weighers, aggregates from os-aggregates' store), placement, agent dispatch.</summary>
public static class ComputeDurableServiceCollectionExtensions
{
    public static IServiceCollection AddFuncCloudComputeWorkflows(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddFuncCloudComputeState(configuration);
        services.AddOptions<SchedulerOptions>().Bind(configuration.GetSection(SchedulerOptions.SectionName));
        services.TryAddSingleton<NodeCommandSignals>();
        services.TryAddSingleton<AgentCommandSender>();
        services.AddFuncCloudMeterEmitter();
        services.AddFuncCloudImageStorage();
        services.TryAddSingleton<ComputeApiTable>();
        services.TryAddSingleton<AggregateStore>();
        services.TryAddSingleton<IHostAggregateSource, AggregateHostMetadataSource>();
        if (services.Any(d => d.ServiceType == typeof(FilterScheduler)))
        {
            return services;
        }

        // Order matters: cheap state checks first, so the fault names the most telling filter.
        services.AddSingleton<IHostFilter, ComputeFilter>();
        services.AddSingleton<IHostFilter, AvailabilityZoneFilter>();
        services.AddSingleton<IHostFilter, ImagePropertiesFilter>();
        services.AddSingleton<IHostFilter, AggregateInstanceExtraSpecsFilter>();
        services.AddSingleton<IHostFilter, SameHostFilter>();
        services.AddSingleton<IHostFilter, DifferentHostFilter>();
        services.AddSingleton<IHostFilter, ServerGroupAffinityFilter>();
        services.AddSingleton<IHostFilter, ServerGroupAntiAffinityFilter>();
        services.AddSingleton<IHostFilter, RamFilter>();
        services.AddSingleton<IHostFilter, CoreFilter>();
        services.AddSingleton<IHostFilter, DiskFilter>();
        services.AddSingleton<IHostWeigher, RamWeigher>();
        services.AddSingleton<IHostWeigher, CpuWeigher>();
        services.AddSingleton<IHostWeigher, DiskWeigher>();
        services.AddSingleton<FilterScheduler>();
        services.AddSingleton<HostStateSource>();
        services.AddSingleton<ServerPlacer>();
        return services;
    }
}
