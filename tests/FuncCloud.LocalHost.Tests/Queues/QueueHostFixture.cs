using System.Reflection;
using Azure.Storage.Queues;
using FuncCloud.LocalHost.Hosting;
using FuncCloud.Shared.Storage;
using FuncCloud.Testing;

namespace FuncCloud.LocalHost.Tests.Queues;

/// <summary>
/// A LocalHost for the queue trigger tests: short back-off and visibility timeout so retries happen in
/// seconds, three attempts before the poison queue, and the recorder the queue functions report to.
/// </summary>
public sealed class QueueHostFixture : LocalHostFixture
{
    public const int MaxDequeueCount = 3;

    public static readonly TimeSpan VisibilityTimeout = TimeSpan.FromSeconds(2);

    private const string QueuesSection = $"{HostJsonConfiguration.Section}:extensions:queues";

    public QueueRecorder Recorder { get; } = new();

    protected override IEnumerable<Assembly> FunctionAssemblies => [typeof(QueueHostFixture).Assembly];

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        [$"{QueuesSection}:maxPollingInterval"] = "00:00:00.500",
        [$"{QueuesSection}:visibilityTimeout"] = VisibilityTimeout.ToString(),
        [$"{QueuesSection}:maxDequeueCount"] = MaxDequeueCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"{QueuesSection}:batchSize"] = "8",
        [$"{QueuesSection}:newBatchThreshold"] = "4",
    };

    /// <summary>A client for the prefixed queue <paramref name="logicalName"/>, created if missing.</summary>
    /// <param name="logicalName">The name in the trigger attribute.</param>
    /// <param name="base64">Encode messages as base64 (the Functions default) or send the text raw.</param>
    public async Task<QueueClient> QueueAsync(string logicalName, bool base64 = true)
    {
        var name = Services.GetRequiredService<StorageNames>().Queue(logicalName);
        var client = new QueueClient(ConnectionString, name, new QueueClientOptions
        {
            MessageEncoding = base64 ? QueueMessageEncoding.Base64 : QueueMessageEncoding.None,
        });
        await client.CreateIfNotExistsAsync();
        return client;
    }

    protected override void ConfigureServices(Microsoft.AspNetCore.Builder.WebApplicationBuilder builder) =>
        builder.Services.AddSingleton(Recorder);
}
