using Azure.Storage.Queues;
using FuncCloud.Shared.Storage;

namespace FuncCloud.LocalHost.Queues;

/// <summary>
/// Finds the storage account of a queue trigger from its <c>Connection</c> setting name the way the
/// Functions host does: <c>ConnectionStrings:name</c>, then <c>name</c>, then <c>AzureWebJobsname</c>;
/// no name means <c>AzureWebJobsStorage</c>.
/// </summary>
public static class QueueConnection
{
    private const string WebJobsPrefix = "AzureWebJobs";

    /// <summary>The connection string for <paramref name="connectionName"/>.</summary>
    /// <exception cref="InvalidOperationException">No setting holds it.</exception>
    public static string Resolve(string? connectionName, IConfiguration configuration)
    {
        var name = string.IsNullOrWhiteSpace(connectionName) ? StorageOptions.ConnectionSettingName : connectionName;
        var value = configuration.GetConnectionString(name) ?? configuration[name] ?? configuration[WebJobsPrefix + name];
        return string.IsNullOrWhiteSpace(value)
            ? throw new InvalidOperationException($"The storage connection setting '{name}' is not set.")
            : value;
    }

    /// <summary>
    /// A client for <paramref name="queueName"/> that sees message text exactly as stored: the pump decodes
    /// base64 itself because it must also accept raw text, and it re-sends poison messages unchanged.
    /// </summary>
    public static QueueClient CreateClient(string connectionString, string queueName) =>
        new(connectionString, queueName, StorageRetry.Configure(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None }));
}
