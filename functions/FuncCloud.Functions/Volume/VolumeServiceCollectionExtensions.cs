using FuncCloud.Functions.Identity.Bootstrap;
using FuncCloud.Functions.Volume.Services;
using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Image;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.Security.Policy;
using FuncCloud.Shared.Volume;
using FuncCloud.Shared.Volume.Api;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FuncCloud.Functions.Volume;

/// <summary>DI registration of the block storage API (Cinder v3).</summary>
public static class VolumeServiceCollectionExtensions
{
    /// <summary>
    /// Registers the volume state, the cinder call frame, policy defaults, the volume services, the bootstrapper
    /// (default type, Fake pools) and the <c>volumev3</c> and <c>block-storage</c> catalog entries.
    /// Needs the compute core's image source (<c>AddFuncCloudCompute</c>) for volumes from images.
    /// </summary>
    public static IServiceCollection AddFuncCloudVolume(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddFuncCloudVolumeState(configuration);
        services.AddErrorShape(VolumeRoutes.Root, NovaErrorBodyFormatter.Instance);
        services.AddFuncCloudImageStorage();
        services.AddSingleton<IPolicyDefaults, VolumePolicyDefaults>();
        services.AddSingleton<CinderHttp>();
        services.AddSingleton<VolumeAccess>();
        services.AddSingleton<VolumeTypeService>();
        services.AddSingleton<VolumeService>();
        services.AddSingleton<VolumeImageUploader>();
        services.AddSingleton<VolumeQueries>();
        services.AddSingleton<VolumeActionHandler>();
        services.AddSingleton<SnapshotService>();
        services.AddSingleton<VolumeMetadataService>();
        services.AddSingleton<BackupService>();
        services.AddSingleton<Attachments.VolumeAttachmentService>();
        services.AddSingleton<IHostedService, VolumeBootstrapper>();
        services.AddSingleton(new CatalogServiceDefinition("volumev3", "cinderv3", VolumeRoutes.CatalogPath));
        services.AddSingleton(new CatalogServiceDefinition("block-storage", "cinder", VolumeRoutes.CatalogPath));
        return services;
    }
}
