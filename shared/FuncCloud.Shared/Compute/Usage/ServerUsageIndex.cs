using Azure;
using Azure.Data.Tables;
using FuncCloud.Shared.Rating;
using FuncCloud.Shared.Storage;

namespace FuncCloud.Shared.Compute.Usage;

/// <summary>
/// The servers' usage projections by project (table <c>ServerUsage</c>: PartitionKey = project, RowKey = server
/// id, nova's own usage order), kept by <see cref="Servers.ServerRepository"/> beside every change of the
/// server row. The window filter (launched before the end, not terminated before the start) is pushed into
/// the table query, so a project's usage reads one partition and never the cloud's servers.
/// </summary>
public sealed class ServerUsageIndex(TableServiceClient tables, StorageNames names)
{
    /// <summary>The logical table name.</summary>
    public const string TableName = "ServerUsage";

    private readonly LifecycleTable<ServerUsageRecord> _table = new(tables, names, TableName);

    /// <summary>Stores <paramref name="after"/> unless it equals <paramref name="before"/> (nothing the usage shows changed).</summary>
    public async Task PutAsync(ServerUsageRecord? before, ServerUsageRecord after, CancellationToken cancellationToken)
    {
        if (after != before)
        {
            await _table.PutAsync(after.ProjectId, after.ServerId, after, after.LaunchedAt, after.TerminatedAt, LifecycleWrite.Upsert, ETag.All, cancellationToken);
        }
    }

    /// <summary>
    /// Stores <paramref name="record"/> only when the server has no row yet (the backfill of servers from before the
    /// index): a row the repository wrote meanwhile is newer and wins. False when a row existed.
    /// </summary>
    public Task<bool> AddIfMissingAsync(ServerUsageRecord record, CancellationToken cancellationToken) =>
        _table.PutAsync(record.ProjectId, record.ServerId, record, record.LaunchedAt, record.TerminatedAt, LifecycleWrite.InsertOnly, ETag.All, cancellationToken);

    /// <summary>True when <paramref name="serverId"/> of <paramref name="projectId"/> has a row.</summary>
    public async Task<bool> ExistsAsync(string projectId, string serverId, CancellationToken cancellationToken) =>
        await _table.GetAsync(projectId, serverId, cancellationToken) is not null;

    /// <summary>Forgets a purged server.</summary>
    public Task DeleteAsync(string projectId, string serverId, CancellationToken cancellationToken) =>
        _table.DeleteAsync(projectId, serverId, cancellationToken);

    /// <summary>
    /// The servers active in [<paramref name="start"/>, <paramref name="end"/>) (nova's
    /// <c>instance_get_active_by_window_joined</c>), in (project, server id) order, after <paramref name="after"/>
    /// and at most <paramref name="limit"/>; one project's only when <paramref name="projectId"/> is given.
    /// </summary>
    public Task<IReadOnlyList<ServerUsageRecord>> QueryAsync(
        string? projectId, DateTimeOffset start, DateTimeOffset end, UsageMarker? after, int limit, CancellationToken cancellationToken) =>
        _table.QueryAsync(projectId, start, end, after is null ? null : (after.ProjectId, after.ServerId), limit, cancellationToken);
}

/// <summary>The position after which a usage page starts: nova's marker server, with its project.</summary>
public sealed record UsageMarker(string ProjectId, string ServerId);
