using FuncCloud.Shared.Compute.Servers;
using FuncCloud.Shared.Compute.Usage;
using FuncCloud.Shared.OpenStack.Errors;

namespace FuncCloud.Functions.Compute.Usage;

/// <summary>
/// Computes nova's tenant usages from the usage index: the window's end is clipped to now (after the start/end
/// check, as nova does), a page holds at most <see cref="TenantUsageQuery.Limit"/> servers in (project, id) order
/// and continues after the marker server (any project's, deleted ones included; 400 when unknown). Servers from
/// before the index are backfilled once, before the first read (<see cref="ServerUsageBackfill"/>).
/// </summary>
public sealed class TenantUsageService(ServerUsageIndex index, ServerRepository servers, ServerUsageBackfill backfill, TimeProvider time)
{
    /// <summary>The usages of <paramref name="projectId"/> (null: every project) and the servers of the page.</summary>
    public async Task<(IReadOnlyList<TenantUsage> Usages, IReadOnlyList<ServerUsageRecord> Page, DateTimeOffset Stop)> ComputeAsync(
        string? projectId, TenantUsageQuery query, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stop = query.End > now ? now : query.End;
        await backfill.EnsureAsync(cancellationToken);
        UsageMarker? after = null;
        if (query.Marker is not null)
        {
            var marker = await servers.FindAsync(query.Marker, cancellationToken)
                ?? throw new BadRequestException($"Marker {query.Marker} could not be found.");
            after = new UsageMarker(marker.ProjectId, marker.Id);
        }

        // No project id that cannot be a table key ever ran a server: answer the empty usage without asking.
        var page = projectId is not null && !IsKey(projectId)
            ? []
            : await index.QueryAsync(projectId, query.Start, stop, after, query.Limit, cancellationToken);
        return (TenantUsageCalculator.Summarize(page, query.Start, stop, now), page, stop);
    }

    private static bool IsKey(string value) =>
        value.Length is > 0 and <= 255 && !value.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));

    /// <summary>Now, at nova's precision (microseconds).</summary>
    public DateTimeOffset Now()
    {
        var now = time.GetUtcNow();
        return now.AddTicks(-(now.Ticks % 10));
    }
}
