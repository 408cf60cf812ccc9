using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FuncCloud.Shared.Storage;

/// <summary>DI registration of the storage clients every FuncCloud service uses.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="StorageOptions"/> (connection from <c>AzureWebJobsStorage</c>, prefix from
    /// <c>FuncCloud:Storage:Prefix</c>) and registers table, queue and blob service clients with <see cref="StorageRetry"/>'s retries.
    /// </summary>
    public static IServiceCollection AddFuncCloudStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection("FuncCloud:Storage"))
            .PostConfigure(o => o.ConnectionString = configuration[StorageOptions.ConnectionSettingName] ?? o.ConnectionString);
        services.AddSingleton(sp => new StorageNames(sp.GetRequiredService<IOptions<StorageOptions>>().Value.Prefix));
        services.AddSingleton(sp => new TableServiceClient(sp.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString, StorageRetry.Configure(new TableClientOptions())));
        services.AddSingleton(sp => new BlobServiceClient(sp.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString, StorageRetry.Configure(new BlobClientOptions())));
        services.AddSingleton(sp => new QueueServiceClient(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString,
            StorageRetry.Configure(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 })));
        return services;
    }
}
