using FuncCloud.Shared.Image;
using Microsoft.Extensions.DependencyInjection;

namespace FuncCloud.Durable.Image;

/// <summary>DI registration of the image workflows' services.</summary>
public static class ImageWorkflowServiceCollectionExtensions
{
    /// <summary>Registers what the import activities use (image records, data and the importer).</summary>
    public static IServiceCollection AddFuncCloudImageWorkflows(this IServiceCollection services) => services.AddFuncCloudImageStorage();
}
