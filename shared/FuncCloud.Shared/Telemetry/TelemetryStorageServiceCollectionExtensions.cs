using FuncCloud.Shared.Telemetry.Index;
using FuncCloud.Shared.Telemetry.Samples;
using FuncCloud.Shared.Telemetry.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FuncCloud.Shared.Telemetry;

/// <summary>DI registration of the telemetry stores (the API, the ingest and, later, alarm evaluation use them).</summary>
public static class TelemetryStorageServiceCollectionExtensions
{
    /// <summary>Registers <see cref="MeasureStore"/> (also as <see cref="IMeasureReader"/>) and <see cref="TelemetryIndexStore"/> (needs AddFuncCloudStorage).</summary>
    public static IServiceCollection AddFuncCloudTelemetryStorage(this IServiceCollection services)
    {
        services.TryAddSingleton<MeasureStore>();
        services.TryAddSingleton<IMeasureReader>(sp => sp.GetRequiredService<MeasureStore>());
        services.TryAddSingleton<TelemetryIndexStore>();
        return services;
    }

    /// <summary>Registers <see cref="IMeterEmitter"/> (the samples queue) for the control plane's event meters (needs AddFuncCloudStorage).</summary>
    public static IServiceCollection AddFuncCloudMeterEmitter(this IServiceCollection services)
    {
        services.TryAddSingleton<IMeterEmitter, QueueMeterEmitter>();
        return services;
    }
}
