using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using FuncCloud.Shared.Agents;
using FuncCloud.Shared.Agents.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FuncCloud.Agent.Tests;

/// <summary>
/// A loopback stand-in for Keystone (<c>POST /identity/v3/auth/tokens</c>) and the node registration API,
/// until the real ones exist. Registration can be told to fail its first calls.
/// </summary>
public sealed class StubApiServer : IAsyncDisposable
{
    public const string Password = "agent-secret";
    private readonly WebApplication _app;
    private int _registerFailuresLeft;
    private int _registerAttempts;
    private int _tokensIssued;

    private StubApiServer(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public Uri AuthUrl => new(BaseAddress, "/identity/v3");

    /// <summary>How long issued tokens live.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    public int RegisterAttempts => Volatile.Read(ref _registerAttempts);

    public int TokensIssued => Volatile.Read(ref _tokensIssued);

    public ConcurrentQueue<(string Node, ComputeNodeRegistration Body, string? Token)> Registrations { get; } = new();

    public ConcurrentQueue<(string Node, ComputeNodeHeartbeat Body, string? Token)> Heartbeats { get; } = new();

    public static async Task<StubApiServer> StartAsync(int registerFailures = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var server = new StubApiServer(builder.Build()) { _registerFailuresLeft = registerFailures };
        server.MapRoutes();
        await server._app.StartAsync();
        server.BaseAddress = new Uri(server._app.Urls.First());
        return server;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private void MapRoutes()
    {
        _app.MapPost("/identity/v3/auth/tokens", async (HttpContext http) =>
        {
            using var body = await JsonDocument.ParseAsync(http.Request.Body);
            var user = body.RootElement.GetProperty("auth").GetProperty("identity").GetProperty("password").GetProperty("user");
            if (user.GetProperty("password").GetString() != Password)
            {
                return Results.Json(new { error = new { code = 401, message = "The request you have made requires authentication.", title = "Unauthorized" } }, statusCode: 401);
            }

            var number = Interlocked.Increment(ref _tokensIssued);
            http.Response.Headers["X-Subject-Token"] = $"token-{number}";
            return Results.Json(new { token = new { expires_at = DateTimeOffset.UtcNow.Add(TokenLifetime).ToString("O") } }, statusCode: 201);
        });
        _app.MapPut(ComputeNodeRoutes.Node, async (string node, HttpContext http) =>
        {
            Interlocked.Increment(ref _registerAttempts);
            if (Interlocked.Decrement(ref _registerFailuresLeft) >= 0)
            {
                return Results.StatusCode(503);
            }

            var registration = await http.Request.ReadFromJsonAsync<ComputeNodeRegistration>(AgentJson.Options);
            Registrations.Enqueue((node, registration!, http.Request.Headers["X-Auth-Token"].FirstOrDefault()));
            return Results.Ok();
        });
        _app.MapPost(ComputeNodeRoutes.Heartbeat, async (string node, HttpContext http) =>
        {
            var heartbeat = await http.Request.ReadFromJsonAsync<ComputeNodeHeartbeat>(AgentJson.Options);
            Heartbeats.Enqueue((node, heartbeat!, http.Request.Headers["X-Auth-Token"].FirstOrDefault()));
            return Results.NoContent();
        });
    }
}
