using FuncCloud.Agent.Fleet;
using FuncCloud.Agent.Nodes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FuncCloud.Agent.Hosting;

/// <summary>Runs every node this process hosts until the host stops.</summary>
public sealed partial class AgentHostedService(
    NodeAgentFactory nodes,
    FleetAgent fleet,
    IOptions<AgentOptions> options,
    ILogger<AgentHostedService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var names = options.Value.ResolveNodeNames();
        Starting(logger, names.Count, string.Join(", ", names.Take(5)) + (names.Count > 5 ? ", ..." : string.Empty));
        if (options.Value.Fleet is not null)
        {
            // Simulation at scale: one set of loops for every node (FleetAgent), not one per node.
            return fleet.RunAsync(stoppingToken);
        }

        return Task.WhenAll(names.Select(name => nodes.Create(name).RunAsync(stoppingToken)));
    }

    [LoggerMessage(EventId = 1600, Level = LogLevel.Information, Message = "Agent hosting {count} nodes: {names}")]
    private static partial void Starting(ILogger logger, int count, string names);
}
