using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using FuncCloud.Testing;

namespace FuncCloud.Functions.Tests.Alarming;

/// <summary>
/// A bootstrapped LocalHost whose alarm evaluator reads a <see cref="StubGnocchi"/> on loopback. The timer's
/// rounds are an hour apart so tests drive rounds themselves (deterministic), except where they say otherwise.
/// </summary>
public class AlarmHostFixture : IdentityHostFixture, IDisposable
{
    /// <summary>The stub Gnocchi and webhook receiver.</summary>
    public StubGnocchi Gnocchi { get; } = new();

    /// <summary>The evaluation interval the host runs with.</summary>
    protected virtual string EvaluationInterval => "01:00:00";

    /// <inheritdoc />
    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["FuncCloud:Alarming:GnocchiEndpoint"] = Gnocchi.Endpoint;
            settings["FuncCloud:Alarming:EvaluationInterval"] = EvaluationInterval;
            return settings;
        }
    }

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

    /// <summary>A JSON body.</summary>
    public static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    /// <summary>A gnocchi_resources_threshold alarm body.</summary>
    public static JsonObject ResourceAlarm(string name, string resourceId, double threshold, string op = "gt", int periods = 2, string? hook = null, bool repeat = false) => new()
    {
        ["name"] = name,
        ["type"] = "gnocchi_resources_threshold",
        ["repeat_actions"] = repeat,
        ["alarm_actions"] = hook is null ? new JsonArray() : new JsonArray(hook + "-alarm"),
        ["ok_actions"] = hook is null ? new JsonArray() : new JsonArray(hook + "-ok"),
        ["gnocchi_resources_threshold_rule"] = new JsonObject
        {
            ["metric"] = "cpu",
            ["resource_id"] = resourceId,
            ["resource_type"] = "instance",
            ["aggregation_method"] = "rate:mean",
            ["granularity"] = 60,
            ["comparison_operator"] = op,
            ["threshold"] = threshold,
            ["evaluation_periods"] = periods,
        },
    };

    /// <inheritdoc />
    public void Dispose()
    {
        Gnocchi.DisposeAsync().AsTask().GetAwaiter().GetResult();
        GC.SuppressFinalize(this);
    }
}
