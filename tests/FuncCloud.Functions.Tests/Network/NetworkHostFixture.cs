using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FuncCloud.Testing;
using Shouldly;

namespace FuncCloud.Functions.Tests.Network;

/// <summary>A bootstrapped LocalHost with token helpers and Neutron request helpers for raw HTTP tests.</summary>
public class NetworkHostFixture : IdentityHostFixture
{
    /// <summary>The admin's token.</summary>
    public Task<string> AdminTokenAsync() => TokenAsync("admin", AdminPassword, "admin");

    /// <summary>The demo member's token.</summary>
    public Task<string> DemoTokenAsync() => TokenAsync("demo", DemoPassword, "demo");

    /// <summary>A client that sends <paramref name="token"/>.</summary>
    public HttpClient ClientWith(string token)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Add("X-Auth-Token", token);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }
}

/// <summary>Neutron calls for tests.</summary>
public static class Neutron
{
    /// <summary>The body of <paramref name="response"/>, asserting its status.</summary>
    public static async Task<JsonObject> JsonAsync(HttpResponseMessage response, int expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(expected, text);
        return JsonNode.Parse(text) as JsonObject ?? [];
    }

    /// <summary>POSTs <c>{"singular": body}</c> and returns the created resource (201 expected).</summary>
    public static async Task<JsonObject> CreateAsync(HttpClient client, string collection, string singular, JsonObject body) =>
        (await JsonAsync(await client.PostAsJsonAsync($"/network/v2.0/{collection}", new JsonObject { [singular] = body.DeepClone() }), 201))[singular]!.AsObject();

    /// <summary>POSTs and expects a Neutron error of <paramref name="status"/>; returns its type.</summary>
    public static async Task<string> FailAsync(HttpResponseMessage response, int status)
    {
        var body = await JsonAsync(response, status);
        var error = body["NeutronError"].ShouldNotBeNull().AsObject();
        error.Select(p => p.Key).OrderBy(k => k).ShouldBe(["detail", "message", "type"]);
        return error["type"]!.GetValue<string>();
    }

    /// <summary>POST of a resource body, for failure checks.</summary>
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string collection, string singular, JsonObject body) =>
        client.PostAsJsonAsync($"/network/v2.0/{collection}", new JsonObject { [singular] = body.DeepClone() });
}
