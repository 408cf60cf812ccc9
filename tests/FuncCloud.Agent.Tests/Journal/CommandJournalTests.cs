using FuncCloud.Agent.Journal;
using FuncCloud.Shared.Agents;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;
using Xunit;

namespace FuncCloud.Agent.Tests.Journal;

public sealed class CommandJournalTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("funccloud-journal-test-").FullName;

    [Fact]
    public async Task OpenAsync_AfterStages_ReplaysLastStageCommandAndResult()
    {
        var command = Commands.CommandProcessingTests.Spawn("s1");
        var result = new AgentResult(command.CommandId, command.Kind, "op", "ev", "node-a", true, null, null, DateTimeOffset.UtcNow);
        await using (var journal = await OpenAsync())
        {
            await journal.RecordReceivedAsync(command, CancellationToken.None);
            await journal.RecordStartedAsync(command.CommandId, CancellationToken.None);
            await journal.RecordCompletedAsync(result, CancellationToken.None);
            await journal.RecordReceivedAsync(command with { CommandId = "other" }, CancellationToken.None);
        }

        await using var reopened = await OpenAsync();

        var state = reopened.Find(command.CommandId)!;
        state.Stage.ShouldBe(JournalStage.Completed);
        state.Command!.CommandId.ShouldBe(command.CommandId);
        state.Result.ShouldBe(result);
        reopened.InDoubt().Single().CommandId.ShouldBe("other");
    }

    [Fact]
    public async Task OpenAsync_TornLastLine_IgnoresItAndKeepsTheRest()
    {
        var command = Commands.CommandProcessingTests.Spawn("s1");
        await using (var journal = await OpenAsync())
        {
            await journal.RecordReceivedAsync(command, CancellationToken.None);
        }

        await File.AppendAllTextAsync(Path.Combine(_folder, CommandJournal.FileName), "{\"commandId\":\"op:spawn:s1\",\"sta");

        await using var reopened = await OpenAsync();
        reopened.Find(command.CommandId)!.Stage.ShouldBe(JournalStage.Received);
    }

    [Fact]
    public async Task OpenAsync_CompletedOlderThanRetention_CompactsThemAway()
    {
        var command = Commands.CommandProcessingTests.Spawn("s1");
        await using (var journal = await OpenAsync())
        {
            await journal.RecordReceivedAsync(command, CancellationToken.None);
            await journal.RecordCompletedAsync(new AgentResult(command.CommandId, command.Kind, "op", "ev", "node-a", true, null, null, DateTimeOffset.UtcNow), CancellationToken.None);
            await journal.RecordReceivedAsync(command with { CommandId = "in-doubt" }, CancellationToken.None);
        }

        await using var reopened = await OpenAsync(retention: TimeSpan.Zero);

        reopened.Find(command.CommandId).ShouldBeNull();
        reopened.Find("in-doubt")!.Stage.ShouldBe(JournalStage.Received);
        (await File.ReadAllLinesAsync(reopened.Path)).Length.ShouldBe(1);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private Task<CommandJournal> OpenAsync(TimeSpan? retention = null) =>
        CommandJournal.OpenAsync(_folder, retention ?? TimeSpan.FromDays(1), true, TimeProvider.System, NullLogger.Instance, CancellationToken.None);
}
