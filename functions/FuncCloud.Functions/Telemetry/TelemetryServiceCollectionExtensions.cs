using FuncCloud.Functions.Identity.Bootstrap;
using FuncCloud.Functions.Telemetry.Api;
using FuncCloud.Functions.Telemetry.Collection;
using FuncCloud.Functions.Telemetry.Rating;
using FuncCloud.Functions.Telemetry.Services;
using FuncCloud.Shared.Compute.Servers;
using FuncCloud.Shared.Compute.Usage;
using FuncCloud.Shared.ObjectStorage;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.Rating;
using FuncCloud.Shared.Security.Policy;
using FuncCloud.Shared.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FuncCloud.Functions.Telemetry;

/// <summary>DI registration of the measures service (Gnocchi v1) and the samples ingest.</summary>
public static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// Registers the measures store and index, the API services, the rating report and its price table (<c>Rating</c>),
    /// gnocchi's policy defaults and error shape (<c>/metric</c>), the catalog entry (<c>metric</c> → <c>gnocchi</c> at
    /// <c>/metric</c>), the samples ingest (<c>FuncCloud:Telemetry:Collection</c>) and the event meter emitter.
    /// </summary>
    public static IServiceCollection AddFuncCloudTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddFuncCloudTelemetryStorage();
        services.AddErrorShape(MetricRoutes.Root, GnocchiErrorBodyFormatter.Instance);
        services.AddSingleton<IPolicyDefaults, MetricPolicyDefaults>();
        services.AddSingleton<MetricHttp>();
        services.AddSingleton<MetricAccess>();
        services.AddSingleton<ArchivePolicyCatalog>();
        services.AddSingleton<MetricService>();
        services.AddSingleton<ResourceService>();
        services.AddSingleton<BatchService>();
        services.AddSingleton<AggregatesService>();
        services.AddOptions<RatingOptions>().Bind(configuration.GetSection(RatingOptions.SectionName));
        services.TryAddSingleton<ServerRepository>();
        services.TryAddSingleton<ServerUsageIndex>();
        services.TryAddSingleton<ServerUsageBackfill>();
        services.TryAddSingleton<ResourceUsageIndex>();
        services.AddFuncCloudObjectStorage();
        services.AddSingleton<RatingService>();
        services.AddSingleton(new CatalogServiceDefinition("metric", "gnocchi", MetricRoutes.Root));
        services.AddOptions<CollectionOptions>().Bind(configuration.GetSection(CollectionOptions.SectionName));
        services.TryAddSingleton<ServerRepository>();
        services.AddSingleton<SampleResourceResolver>();
        services.AddSingleton<SampleIngestService>();
        services.AddFuncCloudMeterEmitter();
        return services;
    }
}
