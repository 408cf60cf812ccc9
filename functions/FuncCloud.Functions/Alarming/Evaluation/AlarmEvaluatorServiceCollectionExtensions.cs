using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FuncCloud.Functions.Alarming.Evaluation;

/// <summary>DI registration of the evaluator and its HTTP clients.</summary>
public static class AlarmEvaluatorServiceCollectionExtensions
{
    /// <summary>Registers the evaluator, the gnocchi client, the notifier and the evaluation tokens.</summary>
    public static IServiceCollection AddFuncCloudAlarmEvaluator(this IServiceCollection services)
    {
        // One long-lived client each (singletons): connections are pooled; every call carries its own timeout.
        services.TryAddSingleton(sp => new GnocchiClient(new HttpClient(), sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<AlarmingOptions>>()));
        services.TryAddSingleton(sp => ActivatorUtilities.CreateInstance<AlarmNotifier>(sp, new HttpClient()));
        services.TryAddSingleton<EvaluationTokens>();
        services.TryAddSingleton<AlarmEvaluator>();
        return services;
    }
}
