using Azure.Data.Tables;
using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.Storage;

namespace FuncCloud.Shared.Compute.InstanceActions;

/// <summary>
/// Instance actions in the <c>InstanceActions</c> table: partition = server id, one document per request id
/// holding its events. Event writes are idempotent (an activity retried after a crash rewrites the same event).
/// </summary>
public sealed class InstanceActionRepository(TableServiceClient tables, StorageNames names)
{
    /// <summary>The logical table name.</summary>
    public const string TableName = "InstanceActions";

    private static readonly CasRetry Retry = new(20, _ => Random.Shared.Next(5, 20));
    private readonly DocumentTable _table = new(tables, names, TableName, OpenStackJson.Storage);

    /// <summary>Records an accepted action (a second call with the same request id changes nothing).</summary>
    public async Task StartAsync(InstanceActionRecord action, CancellationToken cancellationToken)
    {
        try
        {
            await _table.InsertAsync(action.ServerId, action.RequestId, action, null, cancellationToken);
        }
        catch (DuplicateKeyException)
        {
            // A retried request or activity: the action is already recorded.
        }
    }

    public async Task<IReadOnlyList<InstanceActionRecord>> ListAsync(string serverId, CancellationToken cancellationToken) =>
        [.. (await _table.ListAsync<InstanceActionRecord>(serverId, cancellationToken)).Select(d => d.Value).OrderByDescending(a => a.StartTime)];

    public async Task<InstanceActionRecord?> GetAsync(string serverId, string requestId, CancellationToken cancellationToken) =>
        (await _table.GetAsync<InstanceActionRecord>(serverId, requestId, cancellationToken))?.Value;

    /// <summary>Marks event <paramref name="eventName"/> started (kept as is when it already exists).</summary>
    public Task EventStartAsync(string serverId, string requestId, string eventName, string? host, DateTimeOffset now, CancellationToken cancellationToken) =>
        ChangeAsync(serverId, requestId, action =>
        {
            if (action.Events.Any(e => e.Event == eventName))
            {
                return null;
            }

            return action with { UpdatedAt = now, Events = [.. action.Events, new InstanceActionEvent(eventName, now, null, null, null, host, null)] };
        }, cancellationToken);

    /// <summary>Marks event <paramref name="eventName"/> finished (creating it when it never started).</summary>
    public Task EventFinishAsync(
        string serverId, string requestId, string eventName, bool success, string? host, string? details, string? traceback, DateTimeOffset now, CancellationToken cancellationToken) =>
        ChangeAsync(serverId, requestId, action =>
        {
            var result = success ? InstanceActionResults.Success : InstanceActionResults.Error;
            var existing = action.Events.FirstOrDefault(e => e.Event == eventName);
            var finished = (existing ?? new InstanceActionEvent(eventName, now, null, null, null, host, null)) with
            {
                FinishTime = now,
                Result = result,
                Traceback = traceback,
                Details = details,
                Host = host ?? existing?.Host,
            };
            var events = existing is null ? [.. action.Events, finished] : action.Events.Select(e => e.Event == eventName ? finished : e).ToList();
            return action with { UpdatedAt = now, Events = events, Message = success ? action.Message : InstanceActionResults.Error };
        }, cancellationToken);

    private Task ChangeAsync(string serverId, string requestId, Func<InstanceActionRecord, InstanceActionRecord?> change, CancellationToken cancellationToken) =>
        _table.UpdateAsync(serverId, requestId, change, Retry, cancellationToken);
}
