using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FuncCloud.Shared.Alarming;

/// <summary>DI registration of the alarm store.</summary>
public static class AlarmingStorageServiceCollectionExtensions
{
    /// <summary>Registers <see cref="AlarmStore"/> (the storage clients come from AddFuncCloudStorage).</summary>
    public static IServiceCollection AddFuncCloudAlarmStore(this IServiceCollection services)
    {
        services.TryAddSingleton<AlarmStore>();
        return services;
    }
}
