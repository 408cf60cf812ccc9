using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FuncCloud.Shared.Image;

/// <summary>DI registration of the image records and data (used by the API and the import workflow).</summary>
public static class ImageStorageServiceCollectionExtensions
{
    /// <summary>Registers <see cref="ImageStore"/>, <see cref="ImageDataStore"/> and <see cref="ImageImporter"/> (needs AddFuncCloudStorage).</summary>
    public static IServiceCollection AddFuncCloudImageStorage(this IServiceCollection services)
    {
        services.TryAddSingleton<ImageStore>();
        services.TryAddSingleton<ImageDataStore>();
        services.TryAddSingleton<ImageImporter>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
