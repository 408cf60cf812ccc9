using FuncCloud.Durable.Volume.Scheduling;
using FuncCloud.Shared.Telemetry;
using FuncCloud.Shared.Volume;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FuncCloud.Durable.Volume;

/// <summary>DI registration of the block storage workflows' services.</summary>
public static class VolumeDurableServiceCollectionExtensions
{
    /// <summary>Registers the volume state and the volume scheduler.</summary>
    public static IServiceCollection AddFuncCloudVolumeWorkflows(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddFuncCloudVolumeState(configuration);
        services.TryAddSingleton<VolumeScheduler>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddFuncCloudMeterEmitter();
        return services;
    }
}
