using FuncCloud.Functions.Alarming.Api;
using FuncCloud.Functions.Alarming.Evaluation;
using FuncCloud.Functions.Alarming.Services;
using FuncCloud.Functions.Identity.Bootstrap;
using FuncCloud.Shared.Alarming;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.Security.Policy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FuncCloud.Functions.Alarming;

/// <summary>DI registration of the alarming service (Aodh v2).</summary>
public static class AlarmingServiceCollectionExtensions
{
    /// <summary>
    /// Binds <c>FuncCloud:Alarming</c>; registers the API services, the evaluator, aodh's policy defaults, the error
    /// shape of <c>/alarming</c> and the catalog entry (<c>alarming</c> → <c>/alarming</c>, service <c>aodh</c>).
    /// </summary>
    public static IServiceCollection AddFuncCloudAlarming(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AlarmingOptions>()
            .Bind(configuration.GetSection("FuncCloud:Alarming"))
            .PostConfigure(o => o.GnocchiEndpoint ??= (configuration["FuncCloud:Bootstrap:PublicEndpoint"] ?? "http://127.0.0.1:7071").TrimEnd('/') + "/metric");
        services.TryAddSingleton(TimeProvider.System);
        services.AddFuncCloudAlarmStore();
        services.AddSingleton<IPolicyDefaults, AlarmingPolicyDefaults>();
        services.TryAddSingleton<AlarmingHttp>();
        services.TryAddSingleton<ActionPolicy>();
        services.TryAddSingleton<AlarmValidator>();
        services.TryAddSingleton<AlarmAccess>();
        services.TryAddSingleton<AlarmService>();
        services.TryAddSingleton<AlarmListService>();
        services.TryAddSingleton<AlarmHistoryService>();
        services.TryAddSingleton<AlarmComplexQuery>();
        services.AddFuncCloudAlarmEvaluator();
        services.AddErrorShape(AlarmingRoutes.Root, AodhErrorBodyFormatter.Instance);
        services.AddSingleton(new CatalogServiceDefinition("alarming", "aodh", AlarmingRoutes.Root));
        return services;
    }
}
