using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Functions.Monitor.Api;
using FuncCloud.Functions.Monitor.Services;
using FuncCloud.Shared.Security.Policy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FuncCloud.Functions.Monitor;

/// <summary>DI registration of the workflow monitor (API and web front-end).</summary>
public static class MonitorServiceCollectionExtensions
{
    /// <summary>Binds <c>FuncCloud:Monitor</c>; registers the monitor services and its policy defaults.</summary>
    public static IServiceCollection AddFuncCloudMonitor(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MonitorOptions>(configuration.GetSection(MonitorOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IPolicyDefaults, MonitorPolicyDefaults>();
        services.AddSingleton<MonitorHttp>();
        services.AddErrorShape(MonitorRoutes.App, KeystoneErrorBodyFormatter.Instance); // the monitor speaks keystone's error dialect
        services.AddSingleton<OrchestrationViews>();
        services.AddSingleton<OrchestrationLister>();
        services.AddSingleton<OrchestrationStatistics>();
        services.AddSingleton<HistoryTimeline>();
        services.AddSingleton<WhyExplainer>();
        services.AddSingleton<OrchestrationInspector>();
        services.AddSingleton<OrchestrationOperator>();
        services.AddSingleton<ResourceWorkflowService>();
        return services;
    }
}
