using System.Net.Http.Headers;
using System.Text.Json;
using FuncCloud.Shared.Compute.Api;
using FuncCloud.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace FuncCloud.Functions.Tests.Compute;

/// <summary>
/// A bootstrapped LocalHost (identity + compute API) for the compute CLI tests, with one compute node
/// seeded through the placeholder node registry (the compute core's registration is not in this branch).
/// </summary>
public sealed class ComputeCliFixture : IdentityHostFixture
{
    /// <summary>The seeded node.</summary>
    public static readonly ComputeNodeView Node = new(
        "5b1c53a2-7c2e-4a5b-9d54-4f6a0c1d2e3f", "node-1", "192.0.2.10", "fake", "nova",
        16, 2, 32768, 1024, 500, 20, 1, true, null, false, true, DateTimeOffset.UtcNow);

    /// <summary>The compute v2.1 root.</summary>
    public string ComputeUrl => AuthUrl.Replace("/identity/v3", "/compute/v2.1", StringComparison.Ordinal);

    /// <inheritdoc />
    protected override void ConfigureServices(WebApplicationBuilder builder)
    {
        base.ConfigureServices(builder);
        var nodes = new InMemoryComputeNodeRegistry();
        nodes.Upsert(Node);
        // Registered last so they win over the table-backed reader once the compute core is merged.
        builder.Services.AddSingleton(nodes);
        builder.Services.AddSingleton<IComputeNodeReader>(nodes);
        builder.Services.AddSingleton<IComputeNodeAdmin>(nodes);
    }

    /// <summary>Sends a compute request as the admin.</summary>
    public async Task<(int Status, JsonElement Body, HttpResponseMessage Response)> ComputeAsync(HttpMethod method, string path, string? json = null, string? token = null, string? version = null)
    {
        using var request = new HttpRequestMessage(method, "/compute/v2.1" + path);
        request.Headers.Add("X-Auth-Token", token ?? await TokenAsync("admin", AdminPassword, "admin"));
        if (version is not null)
        {
            request.Headers.Add("OpenStack-API-Version", "compute " + version);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default, response);
    }
}
