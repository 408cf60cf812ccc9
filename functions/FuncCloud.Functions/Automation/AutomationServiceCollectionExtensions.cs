using FuncCloud.Durable.Automation;
using FuncCloud.Functions.Automation.Api;
using FuncCloud.Functions.Automation.Envelope;
using FuncCloud.Functions.Automation.Services;
using FuncCloud.Shared.OpenStack.Errors;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FuncCloud.Functions.Automation;

/// <summary>DI registration of queue-triggered automation.</summary>
public static class AutomationServiceCollectionExtensions
{
    /// <summary>Registers the envelope parser, the authenticator, the receiver and the workflow's services.</summary>
    public static IServiceCollection AddFuncCloudAutomation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddFuncCloudAutomationWorkflows(configuration);
        services.TryAddSingleton<AutomationEnvelopeParser>();
        services.TryAddSingleton<AutomationAuthenticator>();
        services.TryAddSingleton<AutomationRequestReceiver>();
        services.AddErrorShape(AutomationRoutes.Root, KeystoneErrorBodyFormatter.Instance);
        return services;
    }
}
