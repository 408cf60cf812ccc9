using FuncCloud.Shared.Compute.Servers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FuncCloud.Functions.Compute.Servers.Services;

/// <summary>
/// Writes the list index rows of servers stored before the index existed, once, in the background after start
/// (<see cref="ServerRepository.BackfillIndexAsync"/>: idempotent, a compare-and-swap per server). Until it ends the
/// list API reads every row as before, so no listing misses a server; a replica that finds the index ready does nothing.
/// </summary>
public sealed partial class ServerListIndexBackfill(ServerRepository servers, ILogger<ServerListIndexBackfill> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                var visited = await servers.BackfillIndexAsync(stoppingToken);
                LogBackfilled(logger, visited);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Storage not up yet, or a lost race with a flood of writers: the list API falls back meanwhile.
                LogBackfillFailed(logger, attempt, e);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, attempt * 2)), stoppingToken);
            }
        }
    }

    [LoggerMessage(EventId = 4161, Level = LogLevel.Information, Message = "Server list index ready ({visited} servers backfilled)")]
    private static partial void LogBackfilled(ILogger logger, int visited);

    [LoggerMessage(EventId = 4162, Level = LogLevel.Warning, Message = "Server list index backfill attempt {attempt} failed; retrying")]
    private static partial void LogBackfillFailed(ILogger logger, int attempt, Exception exception);
}
