using FuncCloud.Shared.Volume.Backups;
using FuncCloud.Shared.Volume.Messages;
using FuncCloud.Shared.Volume.Pools;
using FuncCloud.Shared.Volume.Quotas;
using FuncCloud.Shared.Volume.Snapshots;
using FuncCloud.Shared.Volume.Types;
using FuncCloud.Shared.Volume.Volumes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FuncCloud.Shared.Volume;

/// <summary>DI registration of the block storage state both the API and the workflows use.</summary>
public static class VolumeStateServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="VolumeQuotaOptions"/>; registers the volume table and
    /// its repositories, the quota service and the backup blob store. Idempotent (both hosts' extensions call it).
    /// </summary>
    public static IServiceCollection AddFuncCloudVolumeState(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<VolumeQuotaOptions>().Bind(configuration.GetSection(VolumeQuotaOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<VolumeTable>();
        services.TryAddSingleton<Rating.ResourceUsageIndex>();
        services.TryAddSingleton<VolumeRepository>();
        services.TryAddSingleton<VolumeAttachmentIndex>();
        services.TryAddSingleton<SnapshotRepository>();
        services.TryAddSingleton<VolumeTypeRepository>();
        services.TryAddSingleton<VolumeMessageRepository>();
        services.TryAddSingleton<StoragePoolRepository>();
        services.TryAddSingleton<VolumeQuotaService>();
        services.TryAddSingleton<BackupRepository>();
        services.TryAddSingleton<VolumeBackupStore>();
        return services;
    }
}
