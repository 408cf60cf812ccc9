using System.Net;
using FuncCloud.Agent.Api;
using FuncCloud.Agent.Hosting;
using FuncCloud.Agent.Queues;
using Microsoft.Extensions.Logging;
using Refit;

namespace FuncCloud.Agent.Nodes;

/// <summary>
/// Keeps one long-poll open at the control plane (<c>GET .../os-funccloud-nodes/{node}/command-signal</c>) and
/// wakes the node's <see cref="CommandPump"/> when it answers with a new sequence: a command sent while the
/// node is idle starts in milliseconds instead of after the pump's back-off, and an idle node costs one HTTP
/// request per <see cref="AgentOptions.CommandWakeWait"/> instead of queue polls. The queue remains the
/// delivery path; when the API is unreachable or does not offer the route, the pump's own polling carries on.
/// </summary>
/// <remarks>A fleet (<see cref="Fleet.FleetAgent"/>) runs one loop for all its nodes: <paramref name="fleet"/> set, it
/// long-polls the fleet's signal and wakes the fleet's one pump.</remarks>
public sealed partial class CommandWakeLoop(string nodeName, IComputeNodeApi api, CommandPump pump, AgentOptions options, TimeProvider time, ILogger logger, string? fleet = null)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var wait = (int)Math.Ceiling(options.CommandWakeWait.TotalSeconds);
        if (wait <= 0)
        {
            return;
        }

        long since = -1;
        var backoff = TimeSpan.FromSeconds(1);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var signal = fleet is null
                    ? await api.WaitForCommandsAsync(nodeName, since, wait, cancellationToken)
                    : await api.WaitForFleetCommandsAsync(fleet, since, wait, cancellationToken);
                if (signal.Sequence != since)
                {
                    pump.Wake();
                    since = signal.Sequence;
                }

                backoff = TimeSpan.FromSeconds(1);
                continue;
            }
            catch (ApiException e) when (e.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed)
            {
                // A control plane without the route: polling alone, as before it existed.
                Unsupported(logger, nodeName);
                return;
            }
            catch (Exception e) when (e is ApiException or HttpRequestException or KeystoneAuthenticationException or TaskCanceledException
                && !cancellationToken.IsCancellationRequested)
            {
                Failed(logger, nodeName, backoff, e.Message);
            }

            try
            {
                await Task.Delay(backoff, time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, options.MaxRetryBackoff.Ticks));
        }
    }

    [LoggerMessage(EventId = 1510, Level = LogLevel.Information, Message = "Node {nodeName}: the API offers no command wake-ups; polling the queue only")]
    private static partial void Unsupported(ILogger logger, string nodeName);

    [LoggerMessage(EventId = 1511, Level = LogLevel.Debug, Message = "Node {nodeName}: command wake-up poll failed ({reason}); retrying in {backoff}")]
    private static partial void Failed(ILogger logger, string nodeName, TimeSpan backoff, string reason);
}
