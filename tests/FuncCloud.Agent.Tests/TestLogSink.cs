using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace FuncCloud.Agent.Tests;

/// <summary>Keeps the event ids the agent logged, so tests can see retries that leave no other trace.</summary>
public sealed class TestLogSink : ILoggerProvider
{
    public ConcurrentQueue<(int EventId, string Message)> Events { get; } = new();

    public int Count(int eventId) => Events.Count(e => e.EventId == eventId);

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(TestLogSink sink) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                sink.Events.Enqueue((eventId.Id, formatter(state, exception)));
            }
        }
    }
}
