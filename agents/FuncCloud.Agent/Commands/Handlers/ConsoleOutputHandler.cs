using FuncCloud.Shared.Agents.Commands;

namespace FuncCloud.Agent.Commands.Handlers;

/// <summary>Reads the console log, trimmed to the last <c>Length</c> lines when asked.</summary>
public sealed class ConsoleOutputHandler : CommandHandler<GetConsoleOutputCommand>
{
    protected override async Task<object> ExecuteAsync(GetConsoleOutputCommand payload, CommandExecution execution, CancellationToken cancellationToken)
    {
        execution.Step = "driver.get_console_output";
        var output = await execution.Driver.GetConsoleOutputAsync(payload.ServerId, cancellationToken);
        if (payload.Length is { } length && length >= 0)
        {
            var lines = output.Split('\n');
            output = string.Join('\n', lines.Skip(Math.Max(0, lines.Length - length)));
        }

        return new ConsoleOutput(payload.ServerId, output);
    }
}
