using FuncCloud.Shared.Compute.Metadata;
using FuncCloud.Shared.OpenStack.Errors;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FuncCloud.Functions.Compute.Metadata;

/// <summary>DI registration of the metadata API.</summary>
public static class MetadataServiceCollectionExtensions
{
    /// <summary>Binds <see cref="MetadataOptions"/>, registers the service and the plain-text error shape of <c>/metadata</c>.</summary>
    public static IServiceCollection AddFuncCloudMetadata(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MetadataOptions>(configuration.GetSection(MetadataOptions.SectionName));
        services.AddErrorShape(MetadataRoutes.Root, MetadataErrorBodyFormatter.Instance);
        services.AddSingleton<InstanceMetadataService>();
        return services;
    }
}
