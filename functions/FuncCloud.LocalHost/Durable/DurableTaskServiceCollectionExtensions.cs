using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FuncCloud.LocalHost.Durable;

/// <summary>DI registration of the Durable Task worker and client.</summary>
public static class DurableTaskServiceCollectionExtensions
{
    /// <summary>Runs orchestrations and activities on DTFx + Azure Storage; provides DurableTaskClient.</summary>
    /// <remarks>
    /// Payloads (inputs, outputs, events, custom status) are System.Text.Json with web defaults: camelCase
    /// written, any case read. Register another <see cref="DataConverter"/> first to change that.
    /// </remarks>
    public static IServiceCollection AddLocalDurableTask(this IServiceCollection services)
    {
        services.TryAddSingleton<DataConverter>(new JsonDataConverter(new JsonSerializerOptions(JsonSerializerDefaults.Web)));
        services.TryAddSingleton<DurableTaskBackend>();
        services.TryAddSingleton<LocalDurableTaskClient>();
        services.TryAddSingleton<DurableTaskClient>(sp => sp.GetRequiredService<LocalDurableTaskClient>());
        services.TryAddSingleton<IOrchestrationHistoryReader>(sp => sp.GetRequiredService<LocalDurableTaskClient>());
        services.AddHostedService<DurableTaskWorkerService>();
        return services;
    }
}
