using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.Storage;
using Azure.Data.Tables;

namespace FuncCloud.Shared.Alarming;

/// <summary>Where an alarm lives: the id index lets an admin (who names no project) find any alarm in one read.</summary>
public sealed record AlarmLocator(string ProjectId);

/// <summary>
/// Alarms and their history in Azure Tables. Alarms are partitioned by project (a project's list is one
/// partition query); a name is unique within its project (a key row written atomically with the alarm, aodh's
/// 409); every update is an ETag compare-and-swap, so two evaluators or an evaluator and a user never both win.
/// </summary>
public sealed class AlarmStore(TableServiceClient tables, StorageNames names)
{
    private const string IndexPartition = "ids";
    private readonly DocumentTable _alarms = new(tables, names, AlarmingNames.AlarmsTable, OpenStackJson.Storage);
    private readonly DocumentTable _index = new(tables, names, AlarmingNames.AlarmsTable + "index", OpenStackJson.Storage);
    private readonly DocumentTable _history = new(tables, names, AlarmingNames.HistoryTable, OpenStackJson.Storage);

    /// <summary>The alarm <paramref name="alarmId"/> of <paramref name="projectId"/>, or null.</summary>
    public Task<Document<AlarmRecord>?> GetAsync(string projectId, string alarmId, CancellationToken cancellationToken) =>
        _alarms.GetAsync<AlarmRecord>(projectId, alarmId, cancellationToken);

    /// <summary>The alarm <paramref name="alarmId"/> in whichever project holds it, or null.</summary>
    public async Task<Document<AlarmRecord>?> FindAsync(string alarmId, CancellationToken cancellationToken) =>
        await _index.GetAsync<AlarmLocator>(IndexPartition, alarmId, cancellationToken) is { } locator
            ? await GetAsync(locator.Value.ProjectId, alarmId, cancellationToken)
            : null;

    /// <summary>The alarms of <paramref name="projectId"/>.</summary>
    public async Task<IReadOnlyList<AlarmRecord>> ListAsync(string projectId, CancellationToken cancellationToken) =>
        [.. (await _alarms.ListAsync<AlarmRecord>(projectId, cancellationToken)).Select(d => d.Value)];

    /// <summary>Every alarm of every project (admin listing, the evaluator's sweep).</summary>
    public async IAsyncEnumerable<Document<AlarmRecord>> ScanAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var (_, document) in _alarms.ScanAsync<AlarmRecord>(cancellationToken))
        {
            yield return document;
        }
    }

    /// <summary>Stores a new alarm (index row first: an index row without its alarm is harmless, the reverse is not).</summary>
    /// <exception cref="DuplicateKeyException">The project has an alarm of that name.</exception>
    public async Task CreateAsync(AlarmRecord alarm, CancellationToken cancellationToken)
    {
        await UpsertIndexAsync(alarm, cancellationToken);
        await _alarms.InsertAsync(alarm.ProjectId, alarm.AlarmId, alarm, NameKey(alarm.Name), cancellationToken);
    }

    /// <summary>Replaces <paramref name="current"/> with <paramref name="updated"/> if it did not change since it was read.</summary>
    /// <exception cref="ConcurrencyException">It changed.</exception>
    /// <exception cref="DuplicateKeyException">The new name is taken in the project.</exception>
    public async Task ReplaceAsync(Document<AlarmRecord> current, AlarmRecord updated, CancellationToken cancellationToken)
    {
        if (updated.ProjectId != current.Value.ProjectId)
        {
            // An admin moved the alarm to another project: a new row there, then the old one goes.
            await UpsertIndexAsync(updated, cancellationToken);
            await _alarms.InsertAsync(updated.ProjectId, updated.AlarmId, updated, NameKey(updated.Name), cancellationToken);
            await _alarms.DeleteAsync(current.Value.ProjectId, current.Id, NameKey(current.Value.Name), cancellationToken);
            return;
        }

        await _alarms.ReplaceAsync(updated.ProjectId, updated.AlarmId, updated, current.ETag, NameKey(current.Value.Name), NameKey(updated.Name), cancellationToken);
    }

    /// <summary>Deletes an alarm (its history stays, as in aodh).</summary>
    public async Task DeleteAsync(AlarmRecord alarm, CancellationToken cancellationToken)
    {
        await _alarms.DeleteAsync(alarm.ProjectId, alarm.AlarmId, NameKey(alarm.Name), cancellationToken);
        await _index.DeleteAsync(IndexPartition, alarm.AlarmId, null, cancellationToken);
    }

    /// <summary>Appends one history entry.</summary>
    public Task RecordChangeAsync(AlarmChangeRecord change, CancellationToken cancellationToken) =>
        _history.InsertAsync(change.AlarmId, HistoryRow(change), change, null, cancellationToken);

    /// <summary>The history of <paramref name="alarmId"/>, newest first.</summary>
    public async Task<IReadOnlyList<AlarmChangeRecord>> HistoryAsync(string alarmId, CancellationToken cancellationToken) =>
        [.. (await _history.ListAsync<AlarmChangeRecord>(alarmId, cancellationToken)).Select(d => d.Value)];

    private async Task UpsertIndexAsync(AlarmRecord alarm, CancellationToken cancellationToken)
    {
        try
        {
            await _index.InsertAsync(IndexPartition, alarm.AlarmId, new AlarmLocator(alarm.ProjectId), null, cancellationToken);
        }
        catch (DuplicateKeyException)
        {
            var current = await _index.GetAsync<AlarmLocator>(IndexPartition, alarm.AlarmId, cancellationToken);
            if (current is not null)
            {
                await _index.ReplaceAsync(IndexPartition, alarm.AlarmId, new AlarmLocator(alarm.ProjectId), current.ETag, null, null, cancellationToken);
            }
        }
    }

    // Names are unique per project; the key row lives in the alarm's partition, so the pair is one transaction.
    private static string NameKey(string name) => "name:" + name;

    // Newest first: the row sorts by inverted ticks, the event id keeps rows of the same tick apart.
    private static string HistoryRow(AlarmChangeRecord change) =>
        $"{DateTimeOffset.MaxValue.UtcTicks - change.Timestamp.UtcTicks:D19}_{change.EventId}";
}
