using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Functions.Identity.Bootstrap;
using FuncCloud.Functions.ObjectStorage.Api;
using FuncCloud.Functions.ObjectStorage.Services;
using FuncCloud.Shared.ObjectStorage;
using FuncCloud.Shared.Security.Policy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FuncCloud.Functions.ObjectStorage;

/// <summary>DI registration of the object-storage service (Swift v1).</summary>
public static class ObjectStorageServiceCollectionExtensions
{
    /// <summary>
    /// Binds <c>FuncCloud:ObjectStorage</c>; registers the swift services, keystoneauth's policy defaults and the
    /// catalog entry (<c>object-store</c> → <c>/object-store/v1/AUTH_$(project_id)s</c>).
    /// </summary>
    public static IServiceCollection AddFuncCloudObjectStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ObjectStorageOptions>(configuration.GetSection("FuncCloud:ObjectStorage"));
        services.TryAddSingleton(TimeProvider.System);
        Shared.ObjectStorage.ObjectStorageServiceCollectionExtensions.AddFuncCloudObjectStorage(services);
        services.AddSingleton<IPolicyDefaults, ObjectStoragePolicyDefaults>();
        services.AddSingleton(sp => new SwiftMetadata(sp.GetRequiredService<IOptions<ObjectStorageOptions>>().Value));
        services.AddSingleton<SwiftHttp>();
        services.AddErrorShape(SwiftRoutes.Root, SwiftErrorBodyFormatter.Instance);
        services.AddErrorShape(SwiftRoutes.RootInfo, SwiftErrorBodyFormatter.Instance);
        services.AddSingleton<SwiftInfo>();
        services.AddSingleton<TempUrlValidator>();
        services.AddSingleton<SwiftAccess>();
        services.AddSingleton<SwiftAccountService>();
        services.AddSingleton<SwiftContainerService>();
        services.AddSingleton<LargeObjects>();
        services.AddSingleton<ObjectVersioning>();
        services.AddSingleton<SwiftObjectReader>();
        services.AddSingleton<SwiftObjectWriter>();
        services.AddSingleton<SwiftObjectDeleter>();
        services.AddSingleton<SwiftObjectCopier>();
        services.AddSingleton<SloWriter>();
        services.AddSingleton<ObjectExpirer>();
        services.AddSingleton(new CatalogServiceDefinition("object-store", "swift", SwiftRoutes.CatalogPath));
        return services;
    }
}
