using System.Text;
using System.Text.Json;
using FuncCloud.Shared.Agents;
using Microsoft.Extensions.Logging;

namespace FuncCloud.Agent.Journal;

/// <summary>
/// A node's append-only command journal: one JSON line per stage (received → started → completed) in
/// <c>&lt;state folder&gt;/&lt;node&gt;/journal.jsonl</c>. It is how the agent recognises a redelivered command
/// (it re-sends the recorded result instead of executing again) and a command a crash interrupted (started
/// but never completed: the handler runs again in recovery mode and checks the instance's actual state).
/// Lines are flushed to disk before the agent acts on them; a torn last line from a crash is ignored.
/// </summary>
public sealed class CommandJournal : IAsyncDisposable
{
    /// <summary>The journal's file name inside the node's state folder.</summary>
    public const string FileName = "journal.jsonl";

    private readonly Dictionary<string, JournalState> _index;
    private readonly FileStream _stream;
    private readonly bool _flushToDisk;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _write = new(1, 1);

    private CommandJournal(string path, Dictionary<string, JournalState> index, bool flushToDisk, TimeProvider time)
    {
        Path = path;
        _index = index;
        _flushToDisk = flushToDisk;
        _time = time;
        _stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, 4096, useAsync: true);
    }

    /// <summary>The journal file.</summary>
    public string Path { get; }

    /// <summary>
    /// Opens (or creates) the journal in <paramref name="folder"/>, replays it, and compacts away completed
    /// commands older than <paramref name="retention"/> (a queue message cannot outlive its TTL anyway).
    /// </summary>
    public static async Task<CommandJournal> OpenAsync(
        string folder, TimeSpan retention, bool flushToDisk, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var path = System.IO.Path.Combine(folder, FileName);
        var index = new Dictionary<string, JournalState>(StringComparer.Ordinal);
        var lines = 0;
        if (File.Exists(path))
        {
            foreach (var line in await File.ReadAllLinesAsync(path, cancellationToken))
            {
                lines++;
                if (Parse(line) is { } entry)
                {
                    Apply(index, entry);
                }
                else if (line.Length > 0)
                {
                    JournalLog.TornLine(logger, path, lines);
                }
            }
        }

        var cutoff = time.GetUtcNow() - retention;
        var expired = index.Values.Where(s => s.Stage == JournalStage.Completed && s.LastAt < cutoff).Select(s => s.CommandId).ToList();
        if (expired.Count > 0)
        {
            expired.ForEach(id => index.Remove(id));
            await RewriteAsync(path, index.Values, cancellationToken);
            JournalLog.Compacted(logger, path, expired.Count, index.Count);
        }

        return new CommandJournal(path, index, flushToDisk, time);
    }

    /// <summary>The state of a command, or null when the journal has never seen it.</summary>
    public JournalState? Find(string commandId)
    {
        lock (_index)
        {
            return _index.GetValueOrDefault(commandId);
        }
    }

    /// <summary>Commands received or started but never completed (a crash interrupted them).</summary>
    public IReadOnlyList<JournalState> InDoubt()
    {
        lock (_index)
        {
            return [.. _index.Values.Where(s => s.Stage != JournalStage.Completed)];
        }
    }

    public Task RecordReceivedAsync(AgentCommand command, CancellationToken cancellationToken) =>
        AppendAsync(new JournalEntry(command.CommandId, JournalStage.Received, _time.GetUtcNow(), Command: command), cancellationToken);

    public Task RecordStartedAsync(string commandId, CancellationToken cancellationToken) =>
        AppendAsync(new JournalEntry(commandId, JournalStage.Started, _time.GetUtcNow()), cancellationToken);

    public Task RecordCompletedAsync(AgentResult result, CancellationToken cancellationToken) =>
        AppendAsync(new JournalEntry(result.CommandId, JournalStage.Completed, _time.GetUtcNow(), Result: result), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        _write.Dispose();
    }

    private async Task AppendAsync(JournalEntry entry, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(entry, AgentJson.Options) + "\n");
        // Not cancellable once started: a half-written line is what we must avoid, not a slow write.
        await _write.WaitAsync(cancellationToken);
        try
        {
            await _stream.WriteAsync(bytes, CancellationToken.None);
            await _stream.FlushAsync(CancellationToken.None);
            if (_flushToDisk)
            {
                _stream.Flush(flushToDisk: true);
            }

            lock (_index)
            {
                Apply(_index, entry);
            }
        }
        finally
        {
            _write.Release();
        }
    }

    private static void Apply(Dictionary<string, JournalState> index, JournalEntry entry)
    {
        var previous = index.GetValueOrDefault(entry.CommandId);
        index[entry.CommandId] = new JournalState(
            entry.CommandId,
            entry.Stage,
            entry.At,
            entry.Command ?? previous?.Command,
            entry.Result ?? previous?.Result);
    }

    private static JournalEntry? Parse(string line)
    {
        try
        {
            return line.Length == 0 ? null : JsonSerializer.Deserialize<JournalEntry>(line, AgentJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task RewriteAsync(string path, IEnumerable<JournalState> states, CancellationToken cancellationToken)
    {
        // Write aside and rename, so a crash during compaction leaves the old journal intact.
        var temporary = path + ".tmp";
        var lines = states.OrderBy(s => s.LastAt).SelectMany(Entries).Select(e => JsonSerializer.Serialize(e, AgentJson.Options));
        await File.WriteAllLinesAsync(temporary, lines, cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }

    private static IEnumerable<JournalEntry> Entries(JournalState state)
    {
        yield return new JournalEntry(state.CommandId, JournalStage.Received, state.LastAt, Command: state.Command);
        if (state.Stage >= JournalStage.Started)
        {
            yield return new JournalEntry(state.CommandId, JournalStage.Started, state.LastAt);
        }

        if (state.Stage == JournalStage.Completed)
        {
            yield return new JournalEntry(state.CommandId, JournalStage.Completed, state.LastAt, Result: state.Result);
        }
    }
}
