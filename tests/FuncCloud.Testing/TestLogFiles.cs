using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace FuncCloud.Testing;

/// <summary>
/// Where test hosts write their logs: <c>TestResults/hosts/</c> of the test project (beside the TRX files CI
/// keeps), or <c>$FUNCCLOUD_TEST_LOGS</c>. A failure on a loaded CI machine (a 500 in a set-up step) then shows
/// its cause in the host's log instead of only a status code in the test's assertion.
/// </summary>
public static class TestLogFiles
{
    private static readonly Lazy<string> Folder = new(() =>
    {
        if (Environment.GetEnvironmentVariable("FUNCCLOUD_TEST_LOGS") is { Length: > 0 } configured)
        {
            return configured;
        }

        // bin/<configuration>/<framework>/ lies under the test project's folder: the first folder holding a project file.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (dir.EnumerateFiles("*.csproj").Any())
            {
                return Path.Combine(dir.FullName, "TestResults", "hosts");
            }
        }

        return Path.Combine(Path.GetTempPath(), "funccloud-test-logs");
    });

    /// <summary>The log file for a host named <paramref name="name"/> (a fixture's class and id).</summary>
    public static string PathFor(string name) => Path.Combine(Folder.Value, string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_')) + ".log");
}

/// <summary>
/// A logger provider appending one line per entry (and the exception) to a file, created on the first entry so
/// a quiet host leaves no file. The minimum level is the host's configuration (<c>Logging:LogLevel</c>).
/// </summary>
public sealed class FileLoggerProvider(string path) : ILoggerProvider
{
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, FileLogger> _loggers = new();
    private StreamWriter? _writer;
    private bool _disposed;

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => _loggers.GetOrAdd(categoryName, name => new FileLogger(this, name));

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _writer?.Dispose();
            _writer = null;
        }
    }

    private void Write(string line)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            if (_writer is null)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                _writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite), Encoding.UTF8) { AutoFlush = true };
            }

            _writer.Write(line);
        }
    }

    private sealed class FileLogger(FileLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = new StringBuilder()
                .Append(DateTime.UtcNow.ToString("HH:mm:ss.fff")).Append(' ').Append(logLevel).Append(' ').Append(category)
                .Append('[').Append(eventId.Id).Append("] ").Append(formatter(state, exception)).AppendLine();
            if (exception is not null)
            {
                line.Append(exception).AppendLine();
            }

            provider.Write(line.ToString());
        }
    }
}
