using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using FuncCloud.Functions.Tests.Compute.Servers;
using FuncCloud.Shared.Automation;
using FuncCloud.Shared.Storage;
using FuncCloud.Testing;

namespace FuncCloud.Functions.Tests.Automation;

/// <summary>
/// The whole cloud in one process (identity, network, compute with a Fake node, durable workflows) plus clients of
/// the automation queues: send envelopes to <c>cloud-requests</c>, collect replies from <c>cloud-replies</c>.
/// </summary>
public sealed class AutomationHostFixture : ComputeHostFixture
{
    private readonly Dictionary<string, List<JsonObject>> _replies = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _replyLock = new(1, 1);
    private Task<(string Id, string Secret)>? _credential;

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["FuncCloud:Network:DefaultQuotas:network"] = "2000"; // the 500-message test creates 500 networks
            return settings;
        }
    }

    /// <summary>A client that sends <paramref name="token"/>.</summary>
    public HttpClient ClientWith(string token)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Add("X-Auth-Token", token);
        return client;
    }

    /// <summary>The prefixed queue of <paramref name="logicalName"/>.</summary>
    public QueueClient Queue(string logicalName)
    {
        var client = new QueueClient(ConnectionString, new StorageNames(Id).Queue(logicalName), new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        client.CreateIfNotExists();
        return client;
    }

    /// <summary>Drops <paramref name="envelope"/> on <c>cloud-requests</c>.</summary>
    public Task SendAsync(JsonObject envelope) => SendTextAsync(envelope.ToJsonString());

    /// <summary>Drops raw text on <c>cloud-requests</c>; returns the queue message id.</summary>
    public async Task<string> SendTextAsync(string text) => (await Queue(AutomationNames.RequestQueue).SendMessageAsync(text)).Value.MessageId;

    /// <summary>The demo member's application credential (created once, with the openstack CLI).</summary>
    public Task<(string Id, string Secret)> DemoCredentialAsync() => _credential ??= CreateCredentialAsync();

    private async Task<(string Id, string Secret)> CreateCredentialAsync()
    {
        var result = await OpenStackCli.RunAsync(DemoEnvironment, "application", "credential", "create", "automation-" + Guid.NewGuid().ToString("N")[..8], "-f", "json");
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(result.ToString());
        }

        return (result.Json.GetProperty("id").GetString()!, result.Json.GetProperty("secret").GetString()!);
    }

    /// <summary>Waits for the <paramref name="count"/>-th reply of <paramref name="correlationId"/> (replies are drained and kept by id).</summary>
    public async Task<JsonObject> ReplyAsync(string correlationId, TimeSpan timeout, int count = 1)
    {
        JsonObject? reply = null;
        await Poll.UntilAsync(async () =>
        {
            await DrainRepliesAsync();
            reply = _replies.TryGetValue(correlationId, out var list) && list.Count >= count ? list[count - 1] : null;
            return reply is not null;
        }, $"reply #{count} of {correlationId}", timeout);
        return reply!;
    }

    /// <summary>How many replies of each correlation id arrived so far.</summary>
    public async Task<IReadOnlyDictionary<string, int>> ReplyCountsAsync()
    {
        await DrainRepliesAsync();
        return _replies.ToDictionary(p => p.Key, p => p.Value.Count);
    }

    private async Task DrainRepliesAsync()
    {
        await _replyLock.WaitAsync();
        try
        {
            var queue = Queue(AutomationNames.ReplyQueue);
            while (true)
            {
                var batch = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30))).Value;
                if (batch.Length == 0)
                {
                    return;
                }

                foreach (var message in batch)
                {
                    var request = JsonNode.Parse(message.Body.ToString())!["request"]!.AsObject();
                    var id = request["correlation_id"]!.GetValue<string>();
                    if (!_replies.TryGetValue(id, out var list))
                    {
                        _replies[id] = list = [];
                    }

                    list.Add(request);
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                }
            }
        }
        finally
        {
            _replyLock.Release();
        }
    }
}
