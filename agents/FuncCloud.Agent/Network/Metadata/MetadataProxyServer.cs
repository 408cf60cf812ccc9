using FuncCloud.Agent.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FuncCloud.Agent.Network.Metadata;

/// <summary>
/// Runs <see cref="MetadataProxy"/> on a UNIX socket: a socket is a file, so the haproxy of every network namespace on
/// this machine reaches it although none of them can reach the host's loopback.
/// </summary>
public sealed partial class MetadataProxyServer(
    MetadataProxy proxy,
    IOptions<MetadataProxyOptions> options,
    IOptions<AgentOptions> agent,
    ILogger<MetadataProxyServer> logger) : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    /// <summary>The socket path in effect.</summary>
    public static string SocketPath(MetadataProxyOptions options, AgentOptions agent) =>
        options.SocketPath ?? Path.Combine(agent.StateFolder, "metadata-proxy.sock");

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(options.Value.SharedSecret))
        {
            return;
        }

        var path = SocketPath(options.Value, agent.Value);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Delete(path); // a socket left by a killed agent would make the bind fail
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenUnixSocket(path));
        _app = builder.Build();
        _app.Map("/{**path}", (RequestDelegate)proxy.HandleAsync);
        await _app.StartAsync(cancellationToken);
        LogListening(logger, path);
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [LoggerMessage(EventId = 4650, Level = LogLevel.Information, Message = "Metadata proxy listening on {socket}.")]
    private static partial void LogListening(ILogger logger, string socket);
}
