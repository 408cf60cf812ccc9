using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FuncCloud.LocalHost.Timers;

/// <summary>DI registration of the timer trigger scheduler.</summary>
public static class TimerTriggerServiceCollectionExtensions
{
    /// <summary>Schedules every <c>[TimerTrigger]</c> function.</summary>
    public static IServiceCollection AddLocalTimerTriggers(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        return services.AddHostedService<TimerTriggerHost>();
    }
}
