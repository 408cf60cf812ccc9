using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FuncCloud.Shared.ObjectStorage;

/// <summary>DI registration of the object-storage state (table rows and blob data).</summary>
public static class ObjectStorageServiceCollectionExtensions
{
    /// <summary>Registers <see cref="SwiftTable"/>, <see cref="SwiftStore"/> and <see cref="ObjectDataStore"/> (needs AddFuncCloudStorage).</summary>
    public static IServiceCollection AddFuncCloudObjectStorage(this IServiceCollection services)
    {
        services.TryAddSingleton<SwiftTable>();
        services.TryAddSingleton<SwiftStore>();
        services.TryAddSingleton<ObjectDataStore>();
        return services;
    }
}
