using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FuncCloud.Agent.Images;

/// <summary>DI registration of the node image cache.</summary>
public static class ImageCacheServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="ImageCacheOptions"/> and registers the <see cref="ImageCache"/> singleton. The caller
    /// registers <see cref="FuncCloud.Shared.Image.IImageApi"/> (a Refit client on the public endpoint whose
    /// handler adds the agent's <c>X-Auth-Token</c>).
    /// </summary>
    public static IServiceCollection AddFuncCloudImageCache(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ImageCacheOptions>(configuration.GetSection(ImageCacheOptions.Section));
        services.AddSingleton<ImageCache>();
        return services;
    }
}
