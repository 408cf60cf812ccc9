using Azure.Core;
using Azure.Core.Pipeline;

namespace FuncCloud.Benchmarks.Scale;

/// <summary>
/// Counts what a TableServiceClient asks of storage: requests, and entities returned by reads (the rows a
/// query or point read brought back). Installed per call on the client's pipeline, read between phases.
/// </summary>
public sealed class StorageCounter : HttpPipelineSynchronousPolicy
{
    private long _requests;
    private long _entities;

    public long Requests => Interlocked.Read(ref _requests);

    public long Entities => Interlocked.Read(ref _entities);

    public override void OnReceivedResponse(HttpMessage message)
    {
        Interlocked.Increment(ref _requests);
        if (message.Request.Method != RequestMethod.Get || message.Response.Status != 200 || message.Response.ContentStream is null)
        {
            return;
        }

        // Responses are buffered: count the rows by their PartitionKey property (one per entity in JSON light).
        var body = message.Response.Content.ToString();
        var count = 0;
        for (var at = body.IndexOf("\"PartitionKey\"", StringComparison.Ordinal); at >= 0; at = body.IndexOf("\"PartitionKey\"", at + 14, StringComparison.Ordinal))
        {
            count++;
        }

        Interlocked.Add(ref _entities, count);
    }
}
