using FuncCloud.Shared.Storage;

namespace FuncCloud.LocalHost.Queues;

/// <summary>DI registration of the queue trigger listeners.</summary>
public static class QueueTriggerServiceCollectionExtensions
{
    /// <summary>Starts one pump per <c>[QueueTrigger]</c> function; the same host answers <see cref="IQueueListenerWake"/>.</summary>
    public static IServiceCollection AddLocalQueueTriggers(this IServiceCollection services)
    {
        services.AddSingleton<QueueTriggerHost>();
        services.AddSingleton<IQueueListenerWake>(sp => sp.GetRequiredService<QueueTriggerHost>());
        return services.AddHostedService(sp => sp.GetRequiredService<QueueTriggerHost>());
    }
}
