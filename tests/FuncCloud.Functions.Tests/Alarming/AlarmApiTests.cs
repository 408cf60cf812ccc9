using System.Net;
using System.Text.Json.Nodes;
using Shouldly;
using Xunit;

namespace FuncCloud.Functions.Tests.Alarming;

/// <summary>The shared host of the raw-HTTP alarm API tests.</summary>
public sealed class AlarmApiFixture : AlarmHostFixture;

/// <summary>Aodh's wire format, validation, error shape, isolation and the action allowlist, over raw HTTP.</summary>
public sealed class AlarmApiTests(AlarmApiFixture host) : IClassFixture<AlarmApiFixture>
{
    private static async Task<JsonNode> BodyAsync(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    private static async Task ShouldBeAodhErrorAsync(HttpResponseMessage response, HttpStatusCode status, string? fragment = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        var fault = JsonNode.Parse(text)!["error_message"]!.AsObject();
        fault.Select(p => p.Key).Order().ShouldBe(["debuginfo", "faultcode", "faultstring"]);
        fault["faultcode"]!.GetValue<string>().ShouldBe("Client");
        if (fragment is not null)
        {
            fault["faultstring"]!.GetValue<string>().ShouldContain(fragment);
        }
    }

    [Fact]
    public async Task CreateAlarm_ValidBody_ReturnsAodhAlarmWithExactKeys()
    {
        using var demo = host.ClientWith(await host.DemoTokenAsync());
        using var response = await demo.PostAsync("/alarming/v2/alarms", AlarmHostFixture.Json(AlarmHostFixture.ResourceAlarm("keys", "r-keys", 80)));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var alarm = (await BodyAsync(response)).AsObject();
        alarm.Select(p => p.Key).Order().ShouldBe(
        [
            "alarm_actions", "alarm_id", "description", "enabled", "gnocchi_resources_threshold_rule", "insufficient_data_actions", "name",
            "ok_actions", "project_id", "repeat_actions", "severity", "state", "state_reason", "state_timestamp", "time_constraints", "timestamp",
            "type", "user_id",
        ]);
        alarm["state"]!.GetValue<string>().ShouldBe("insufficient data");
        alarm["severity"]!.GetValue<string>().ShouldBe("low");
        alarm["description"]!.GetValue<string>().ShouldBe("gnocchi_resources_threshold alarm rule");
        var rule = alarm["gnocchi_resources_threshold_rule"]!.AsObject();
        rule.Select(p => p.Key).Order().ShouldBe(
            ["aggregation_method", "comparison_operator", "evaluation_periods", "granularity", "metric", "resource_id", "resource_type", "threshold"]);
        response.Headers.Location!.ToString().ShouldEndWith("/alarming/v2/alarms/" + alarm["alarm_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateAlarm_BadBodies_AreAodh400s()
    {
        using var demo = host.ClientWith(await host.DemoTokenAsync());
        var missingRule = AlarmHostFixture.ResourceAlarm("bad1", "r", 80);
        missingRule.Remove("gnocchi_resources_threshold_rule");
        await ShouldBeAodhErrorAsync(await demo.PostAsync("/alarming/v2/alarms", AlarmHostFixture.Json(missingRule)), HttpStatusCode.BadRequest,
            "gnocchi_resources_threshold_rule must be set for gnocchi_resources_threshold type alarm");

        var badType = AlarmHostFixture.ResourceAlarm("bad2", "r", 80);
        badType["type"] = "nonsense";
        await ShouldBeAodhErrorAsync(await demo.PostAsync("/alarming/v2/alarms", AlarmHostFixture.Json(badType)), HttpStatusCode.BadRequest, "type");

        var badOperator = AlarmHostFixture.ResourceAlarm("bad3", "r", 80, op: "bigger");
        await ShouldBeAodhErrorAsync(await demo.PostAsync("/alarming/v2/alarms", AlarmHostFixture.Json(badOperator)), HttpStatusCode.BadRequest, "comparison_operator");

        var unknown = AlarmHostFixture.ResourceAlarm("bad4", "r", 80);
        unknown["colour"] = "red";
        await ShouldBeAodhErrorAsync(await demo.PostAsync("/alarming/v2/alarms", AlarmHostFixture.Json(unknown)), HttpStatusCode.BadRequest, "Unknown attribute");

        var badCron = AlarmHostFixture.ResourceAlarm("bad5", "r", 80);
        badCron["time_constraints"] = new JsonArray(new JsonObject { ["name"] = "tc", ["start"] = "not a cron", ["duration"] = 10 });
        await ShouldBeAodhErrorAsync(await demo.PostAsync("/alarming/v2/alarms", AlarmHostFixture.Json(badCron)), HttpStatusCode.BadRequest, "start");
    }

    [Fact]
    public async Task CreateAlarm_ActionToHostNotAllowed_Is400AndLogActionNeedsAdmin()
    {
        using var demo = host.ClientWith(await host.DemoTokenAsync());
        var outside = AlarmHostFixture.ResourceAlarm("outside", "r", 80);
        outside["alarm_actions"] = new JsonArray("http://example.com/hook");
        await ShouldBeAodhErrorAsync(await demo.PostAsync("/alarming/v2/alarms", AlarmHostFixture.Json(outside)), HttpStatusCode.BadRequest,
            "Unsupported action http://example.com/hook");

        var ftp = AlarmHostFixture.ResourceAlarm("ftp", "r", 80);
        ftp["alarm_actions"] = new JsonArray("ftp://127.0.0.1/x");
        await ShouldBeAodhErrorAsync(await demo.PostAsync("/alarming/v2/alarms", AlarmHostFixture.Json(ftp)), HttpStatusCode.BadRequest, "Unsupported action");

        var log = AlarmHostFixture.ResourceAlarm("log", "r", 80);
        log["alarm_actions"] = new JsonArray("log://");
        await ShouldBeAodhErrorAsync(await demo.PostAsync("/alarming/v2/alarms", AlarmHostFixture.Json(log)), HttpStatusCode.Unauthorized, "log://");
        using var admin = host.ClientWith(await host.AdminTokenAsync());
        using var created = await admin.PostAsync("/alarming/v2/alarms", AlarmHostFixture.Json(log));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Alarms_OtherProject_AreInvisibleAndUntouchable()
    {
        using var admin = host.ClientWith(await host.AdminTokenAsync());
        using var demo = host.ClientWith(await host.DemoTokenAsync());
        using var created = await admin.PostAsync("/alarming/v2/alarms", AlarmHostFixture.Json(AlarmHostFixture.ResourceAlarm("admins-own", "r-iso", 80)));
        var id = (await BodyAsync(created))["alarm_id"]!.GetValue<string>();

        await ShouldBeAodhErrorAsync(await demo.GetAsync($"/alarming/v2/alarms/{id}"), HttpStatusCode.NotFound, $"Alarm {id} not found");
        await ShouldBeAodhErrorAsync(await demo.DeleteAsync($"/alarming/v2/alarms/{id}"), HttpStatusCode.NotFound);
        await ShouldBeAodhErrorAsync(await demo.PutAsync($"/alarming/v2/alarms/{id}/state", AlarmHostFixture.Json(JsonValue.Create("alarm"))), HttpStatusCode.NotFound);
        var list = (await BodyAsync(await demo.GetAsync("/alarming/v2/alarms"))).AsArray();
        list.ShouldNotContain(a => a!["alarm_id"]!.GetValue<string>() == id);
        var history = (await BodyAsync(await demo.GetAsync($"/alarming/v2/alarms/{id}/history"))).AsArray();
        history.Count.ShouldBe(0);
        await ShouldBeAodhErrorAsync(await demo.GetAsync("/alarming/v2/alarms?q.field=project_id&q.op=eq&q.value=someone-else"), HttpStatusCode.Unauthorized);

        // The admin reaches it by id, and lists every project only when asked to.
        (await admin.GetAsync($"/alarming/v2/alarms/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var all = (await BodyAsync(await admin.GetAsync("/alarming/v2/alarms?q.field=all_projects&q.op=eq&q.value=true"))).AsArray();
        all.ShouldContain(a => a!["alarm_id"]!.GetValue<string>() == id);
    }

    [Fact]
    public async Task CreateAlarm_DuplicateNameInProject_Is409()
    {
        using var demo = host.ClientWith(await host.DemoTokenAsync());
        (await demo.PostAsync("/alarming/v2/alarms", AlarmHostFixture.Json(AlarmHostFixture.ResourceAlarm("twice", "r", 80)))).StatusCode.ShouldBe(HttpStatusCode.Created);
        await ShouldBeAodhErrorAsync(await demo.PostAsync("/alarming/v2/alarms", AlarmHostFixture.Json(AlarmHostFixture.ResourceAlarm("twice", "r", 80))),
            HttpStatusCode.Conflict, "Alarm with name='twice' exists");
    }

    [Fact]
    public async Task Routes_UnknownPathAndWrongMethod_SpeakAodh()
    {
        using var demo = host.ClientWith(await host.DemoTokenAsync());
        await ShouldBeAodhErrorAsync(await demo.GetAsync("/alarming/v2/nothing-here"), HttpStatusCode.NotFound);
        using var patch = await demo.PatchAsync("/alarming/v2/alarms", AlarmHostFixture.Json(new JsonObject()));
        await ShouldBeAodhErrorAsync(patch, HttpStatusCode.MethodNotAllowed);
        using var anonymous = await host.Client.GetAsync("/alarming/v2/alarms");
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var versions = await host.Client.GetAsync("/alarming");
        (await BodyAsync(versions))["versions"]!["values"]![0]!["id"]!.GetValue<string>().ShouldBe("v2");
    }

    [Fact]
    public async Task StateAndHistory_SetStateThenFilterHistory_RecordsTransition()
    {
        using var demo = host.ClientWith(await host.DemoTokenAsync());
        using var created = await demo.PostAsync("/alarming/v2/alarms", AlarmHostFixture.Json(AlarmHostFixture.ResourceAlarm("stateful", "r", 80)));
        var id = (await BodyAsync(created))["alarm_id"]!.GetValue<string>();
        using var set = await demo.PutAsync($"/alarming/v2/alarms/{id}/state", AlarmHostFixture.Json(JsonValue.Create("alarm")));
        (await set.Content.ReadAsStringAsync()).ShouldBe("\"alarm\"");
        (await demo.GetStringAsync($"/alarming/v2/alarms/{id}/state")).ShouldBe("\"alarm\"");
        await ShouldBeAodhErrorAsync(await demo.PutAsync($"/alarming/v2/alarms/{id}/state", AlarmHostFixture.Json(JsonValue.Create("on fire"))), HttpStatusCode.BadRequest);

        var transitions = (await BodyAsync(await demo.GetAsync($"/alarming/v2/alarms/{id}/history?q.field=type&q.op=eq&q.value=state%20transition"))).AsArray();
        transitions.Count.ShouldBe(1);
        transitions[0]!.AsObject().Select(p => p.Key).Order().ShouldBe(
            ["alarm_id", "detail", "event_id", "on_behalf_of", "project_id", "severity", "timestamp", "type", "user_id"]);
        JsonNode.Parse(transitions[0]!["detail"]!.GetValue<string>())!["state"]!.GetValue<string>().ShouldBe("alarm");
        var all = (await BodyAsync(await demo.GetAsync($"/alarming/v2/alarms/{id}/history"))).AsArray();
        all.Select(c => c!["type"]!.GetValue<string>()).ShouldBe(["state transition", "creation"]);
    }
}
