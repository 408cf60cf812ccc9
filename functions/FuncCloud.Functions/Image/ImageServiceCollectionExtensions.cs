using FuncCloud.Functions.Identity.Bootstrap;
using FuncCloud.Functions.Image.Api;
using FuncCloud.Functions.Image.Bootstrap;
using FuncCloud.Functions.Image.Services;
using FuncCloud.Shared.Image;
using FuncCloud.Shared.Security.Policy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using FuncCloud.Shared.OpenStack.Errors;

namespace FuncCloud.Functions.Image;

/// <summary>DI registration of the image service (Glance v2).</summary>
public static class ImageServiceCollectionExtensions
{
    /// <summary>
    /// Binds <c>FuncCloud:Image</c> (quotas, limits) and <c>FuncCloud:Bootstrap:DefaultImage</c>; registers the
    /// image services, Glance's policy defaults, the catalog entry (<c>image</c> → <c>/image</c>) and the
    /// default-image bootstrapper (a hosted service, after Identity's).
    /// </summary>
    public static IServiceCollection AddFuncCloudImage(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ImageOptions>(configuration.GetSection("FuncCloud:Image"));
        services.AddErrorShape(ImageRoutes.Root, GlanceErrorBodyFormatter.Instance);
        services.Configure<DefaultImageOptions>(configuration.GetSection(DefaultImageOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddFuncCloudImageStorage();
        services.AddSingleton<IPolicyDefaults, ImagePolicyDefaults>();
        services.AddSingleton<ImageHttp>();
        services.AddSingleton<ImageAccess>();
        services.AddSingleton<ImageQuota>();
        services.AddSingleton<ImageService>();
        services.AddSingleton<ImageListService>();
        services.AddSingleton<ImageDataService>();
        services.AddSingleton<ImageMemberService>();
        services.AddSingleton<ImageImportService>();
        services.AddSingleton(new CatalogServiceDefinition("image", "glance", ImageRoutes.Root));
        services.AddSingleton<DefaultImageBootstrapper>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<DefaultImageBootstrapper>());
        return services;
    }
}
