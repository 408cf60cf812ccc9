using System.Text.Json;
using Azure.Storage.Queues;
using FuncCloud.Agent.Compute.Fake;
using FuncCloud.Agent.Hosting;
using FuncCloud.Shared.Agents;
using FuncCloud.Shared.Storage;
using FuncCloud.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FuncCloud.Agent.Tests;

/// <summary>
/// A real agent host (AddFuncCloudAgent) against the test run's Azurite, under a storage prefix and a state
/// folder of its own. Its Fake driver factory outlives restarts, as a hypervisor outlives its agent.
/// </summary>
public sealed class AgentTestHost : IAsyncDisposable
{
    private readonly IConfiguration _configuration;
    private readonly List<AgentResult> _results = [];
    private readonly List<PowerStateReport> _reports = [];
    private IHost? _host;

    private AgentTestHost(IConfiguration configuration, string connectionString)
    {
        _configuration = configuration;
        Names = new StorageNames(configuration["FuncCloud:Storage:Prefix"]);
        Queues = new QueueServiceClient(connectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        Sender = new AgentCommandSender(Queues, Names);
        Drivers = new FakeDriverFactory(
            Options.Create(configuration.GetSection(AgentServiceCollectionExtensions.FakeSectionName).Get<FakeDriverOptions>() ?? new FakeDriverOptions()),
            Options.Create(new AgentOptions { StateFolder = configuration["FuncCloud:Agent:StateFolder"]! }));
    }

    public StorageNames Names { get; }

    public QueueServiceClient Queues { get; }

    public AgentCommandSender Sender { get; }

    public FakeDriverFactory Drivers { get; }

    /// <summary>What the agent logged (Information and above), across restarts.</summary>
    public TestLogSink Logs { get; } = new();

    public string StateFolder => _configuration["FuncCloud:Agent:StateFolder"]!;

    /// <summary>Creates (does not start) a host for <paramref name="nodes"/> with extra settings.</summary>
    public static async Task<AgentTestHost> CreateAsync(IReadOnlyList<string> nodes, IDictionary<string, string?>? settings = null)
    {
        var azurite = await AzuriteServer.GetAsync();
        var values = new Dictionary<string, string?>
        {
            [StorageOptions.ConnectionSettingName] = azurite.ConnectionString,
            ["FuncCloud:Storage:Prefix"] = "t" + Guid.NewGuid().ToString("N")[..12],
            ["FuncCloud:Agent:StateFolder"] = Directory.CreateTempSubdirectory("funccloud-agent-test-").FullName,
            ["FuncCloud:Agent:MinPollInterval"] = "00:00:00.050",
            ["FuncCloud:Agent:MaxPollInterval"] = "00:00:00.200",
            ["FuncCloud:Agent:VisibilityTimeout"] = "00:00:03",
            ["FuncCloud:Agent:ReconcileInterval"] = "01:00:00",
        };
        for (var i = 0; i < nodes.Count; i++)
        {
            values[$"FuncCloud:Agent:Nodes:{i}"] = nodes[i];
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        return new AgentTestHost(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), azurite.ConnectionString);
    }

    public async Task StartAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddConfiguration(_configuration);
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(Logs);
        if (Environment.GetEnvironmentVariable("AGENT_TEST_LOG") == "1")
        {
            builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Debug);
        }
        builder.Services.AddSingleton(Drivers);
        builder.Services.AddFuncCloudAgent(builder.Configuration);
        _host = builder.Build();
        await _host.StartAsync();
    }

    public async Task StopAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync(TimeSpan.FromSeconds(10));
            _host.Dispose();
            _host = null;
        }
    }

    public QueueClient Queue(string logicalName) => Queues.GetQueueClient(Names.Queue(logicalName));

    public Task SendAsync(string node, AgentCommand command) => Sender.SendAsync(node, command, CancellationToken.None);

    /// <summary>Waits for the first result of <paramref name="commandId"/>.</summary>
    public Task<AgentResult> WaitForResultAsync(string commandId, TimeSpan? timeout = null) =>
        Poll.UntilAsync(async () =>
        {
            await DrainResultsAsync();
            return _results.FirstOrDefault(r => r.CommandId == commandId);
        }, $"the result of {commandId}", timeout);

    /// <summary>Every result of <paramref name="commandId"/> posted within <paramref name="settle"/> from now.</summary>
    public async Task<IReadOnlyList<AgentResult>> ResultsAfterAsync(string commandId, TimeSpan settle)
    {
        var until = DateTime.UtcNow + settle;
        while (DateTime.UtcNow < until)
        {
            await DrainResultsAsync();
            await Task.Delay(100);
        }

        await DrainResultsAsync();
        return [.. _results.Where(r => r.CommandId == commandId)];
    }

    /// <summary>Waits for a power-state report matching <paramref name="match"/>.</summary>
    public Task<PowerStateReport> WaitForReportAsync(Func<PowerStateReport, bool> match, TimeSpan? timeout = null) =>
        Poll.UntilAsync(async () =>
        {
            await DrainAsync(AgentQueueNames.Events, _reports);
            return _reports.FirstOrDefault(match);
        }, "a matching power-state report", timeout);

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(StateFolder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private Task DrainResultsAsync() => DrainAsync(AgentQueueNames.Results, _results);

    private async Task DrainAsync<T>(string logicalQueue, List<T> into)
    {
        var queue = Queue(logicalQueue);
        await queue.CreateIfNotExistsAsync();
        var messages = (await queue.ReceiveMessagesAsync(32)).Value;
        foreach (var message in messages)
        {
            into.Add(JsonSerializer.Deserialize<T>(message.Body.ToString(), AgentJson.Options)!);
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        }
    }
}
