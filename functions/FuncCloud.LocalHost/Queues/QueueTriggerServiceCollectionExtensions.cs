namespace FuncCloud.LocalHost.Queues;

/// <summary>DI registration of the queue trigger listeners.</summary>
public static class QueueTriggerServiceCollectionExtensions
{
    /// <summary>Starts one pump per <c>[QueueTrigger]</c> function.</summary>
    public static IServiceCollection AddLocalQueueTriggers(this IServiceCollection services) =>
        services.AddHostedService<QueueTriggerHost>();
}
