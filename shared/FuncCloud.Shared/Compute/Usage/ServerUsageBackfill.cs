using FuncCloud.Shared.Compute.Servers;

namespace FuncCloud.Shared.Compute.Usage;

/// <summary>
/// Gives the servers that existed before <see cref="ServerUsageIndex"/> their usage rows, once: lazily, before the
/// first usage read of a host process, a scan of the server rows inserts every missing row (insert-only, so a row
/// the repository wrote meanwhile is never overwritten by an older projection), then a marker row says it is done
/// so later processes pay one point read. Idempotent: a crash half-way simply runs it again.
/// </summary>
public sealed class ServerUsageBackfill(ServerRepository servers, ServerUsageIndex index)
{
    // The marker is a usage row that can never match a window: it was never launched ("~" sorts after every time).
    private static readonly ServerUsageRecord Marker = new("server-usage-backfill-v1", "~backfill", string.Empty, string.Empty, 0, 0, 0, string.Empty, null, null);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _done;

    /// <summary>Runs the backfill unless this process or an earlier one finished it.</summary>
    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (_done)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_done && await index.ExistsAsync(Marker.ProjectId, Marker.ServerId, cancellationToken) is false)
            {
                await RunAsync(cancellationToken);
                await index.AddIfMissingAsync(Marker, cancellationToken);
            }

            _done = true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Inserts the missing rows; returns how many servers had none.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var added = 0;
        foreach (var server in await servers.ListAsync(cancellationToken))
        {
            if (await index.AddIfMissingAsync(ServerUsageRecord.Of(server), cancellationToken))
            {
                added++;
            }
        }

        return added;
    }
}
