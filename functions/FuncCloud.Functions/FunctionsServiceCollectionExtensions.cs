using FuncCloud.Functions.Alarming;
using FuncCloud.Functions.Automation;
using FuncCloud.Functions.Compute;
using FuncCloud.Functions.Compute.Metadata;
using FuncCloud.Functions.Compute.Servers;
using FuncCloud.Functions.Identity;
using FuncCloud.Functions.Image;
using FuncCloud.Functions.ObjectStorage;
using FuncCloud.Functions.Monitor;
using FuncCloud.Functions.Volume;
using FuncCloud.Functions.Network;
using FuncCloud.Functions.Telemetry;
using FuncCloud.Shared.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FuncCloud.Functions;

/// <summary>DI registration of the services behind the API functions.</summary>
public static class FunctionsServiceCollectionExtensions
{
    /// <summary>Registers everything the function classes of this assembly depend on.</summary>
    public static IServiceCollection AddFuncCloudFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddFuncCloudStorage(configuration);
        services.AddFuncCloudIdentity(configuration);
        services.AddFuncCloudImage(configuration);
        services.AddFuncCloudCompute(configuration); // before the API surface: its node/usage placeholders stay unused
        services.AddFuncCloudComputeApi(configuration);
        services.AddFuncCloudObjectStorage(configuration);
        services.AddFuncCloudMonitor(configuration);
        services.AddFuncCloudVolume(configuration);
        services.AddFuncCloudNetwork(configuration);
        services.AddFuncCloudMetadata(configuration);
        services.AddFuncCloudAutomation(configuration);
        services.AddFuncCloudAlarming(configuration);
        services.AddFuncCloudTelemetry(configuration);
        return services;
    }
}
