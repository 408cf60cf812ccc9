using System.Text.Json;
using FuncCloud.Functions.Tests.Compute.Servers;
using FuncCloud.Testing;
using Shouldly;
using Xunit;

namespace FuncCloud.Functions.Tests.Monitor;

/// <summary>The monitor API against real boots on a Fake node: links, history, why, actions, paging, policy.</summary>
[Collection(MonitorCollection.Name)]
public sealed class MonitorApiTests(MonitorFixture host)
{
    private async Task<MonitorClient> AdminAsync() => new(host.Client, await host.TokenAsync("admin", IdentityHostFixture.AdminPassword, "admin"));

    [Fact]
    public async Task Boot_Active_WorkflowLinkedToServerAndEventListWithTimelineOnTheNode()
    {
        await host.EnsureNodeUpAsync();
        var api = await ComputeApi.LoginAsync(host, host.DemoEnvironment);
        var id = await api.BootAsync("monitored");
        (await api.WaitSettledAsync(id, TimeSpan.FromMinutes(1))).GetProperty("status").GetString().ShouldBe("ACTIVE");
        var monitor = await AdminAsync();

        // The server's page: its boot workflow, matched with the request id `openstack server event list` shows.
        var events = await OpenStackCli.RunAsync(host.AdminEnvironment, "server", "event", "list", id, "-f", "json");
        var requestId = events.Json.EnumerateArray().Single().GetProperty("Request ID").GetString();
        var resource = await monitor.GetAsync($"/resources/server/{id}/orchestrations");
        var workflow = resource.GetProperty("orchestrations").EnumerateArray().Single();
        workflow.GetProperty("request_id").GetString().ShouldBe(requestId);
        workflow.GetProperty("action").GetString().ShouldBe("create");
        var instanceId = workflow.GetProperty("summary").GetProperty("instance_id").GetString()!;
        instanceId.ShouldBe(id + ":create");

        // The instance: the resource it works on (with the project), the steps, the agent's answer from node local.
        var detail = await monitor.InstanceAsync(instanceId);
        var summary = detail.GetProperty("summary");
        summary.GetProperty("name").GetString().ShouldBe("BootServerWorkflow");
        await Poll.UntilAsync(async () => (await monitor.InstanceAsync(instanceId)).GetProperty("summary").GetProperty("runtime_status").GetString() == "Completed", "the boot workflow to complete", TimeSpan.FromSeconds(30));
        detail = await monitor.InstanceAsync(instanceId);
        var resourceRef = detail.GetProperty("summary").GetProperty("resource");
        resourceRef.GetProperty("type").GetString().ShouldBe("server");
        resourceRef.GetProperty("id").GetString().ShouldBe(id);
        resourceRef.GetProperty("project_id").GetString().ShouldNotBeNullOrEmpty();
        detail.TryGetProperty("why", out _).ShouldBeFalse();
        var timeline = detail.GetProperty("timeline").EnumerateArray().ToList();
        timeline.ShouldContain(s => s.GetProperty("kind").GetString() == "activity" && s.GetProperty("name").GetString() == "ScheduleServer" && s.GetProperty("status").GetString() == "completed");
        timeline.ShouldContain(s => s.GetProperty("kind").GetString() == "agent" && s.GetProperty("node").GetString() == "local");
        var history = detail.GetProperty("history").EnumerateArray().ToList();
        history.First().GetProperty("kind").GetString().ShouldBe("execution_started");
        history.ShouldContain(e => e.GetProperty("kind").GetString() == "event_raised" && e.GetProperty("node").GetString() == "local");
        history.Last().GetProperty("kind").GetString().ShouldBe("execution_completed");
        detail.GetProperty("operation").GetProperty("request_id").GetString().ShouldBe(requestId);
        detail.GetProperty("actions").EnumerateArray().Select(a => a.GetString()).ShouldBe(["restart", "purge"]);
        detail.GetProperty("input").GetProperty("text").GetString()!.ShouldContain(id);

        // Actions that do not apply say why.
        var (terminate, conflict) = await monitor.SendAsync(HttpMethod.Post, $"/orchestrations/{instanceId}/terminate", "{}");
        terminate.ShouldBe(409);
        conflict.GetProperty("error").GetProperty("message").GetString()!.ShouldContain("Completed");
        var (rewind, notSupported) = await monitor.SendAsync(HttpMethod.Post, $"/orchestrations/{instanceId}/rewind");
        rewind.ShouldBe(501);
        notSupported.GetProperty("error").GetProperty("message").GetString()!.ShouldContain("restart");
    }

    [Fact]
    public async Task Boot_NoValidHost_WhyNamesRamFilterAndListsAsFailedThenPurgedAlone()
    {
        await host.EnsureNodeUpAsync();
        var api = await ComputeApi.LoginAsync(host, host.DemoEnvironment);
        var id = await api.BootAsync("too-big", MonitorFixture.HugeFlavorId);
        (await api.WaitSettledAsync(id, TimeSpan.FromMinutes(1))).GetProperty("status").GetString().ShouldBe("ERROR");
        var monitor = await AdminAsync();
        var instanceId = id + ":create";
        await Poll.UntilAsync(async () => (await monitor.InstanceAsync(instanceId)).GetProperty("summary").GetProperty("runtime_status").GetString() == "Completed", "the boot workflow to end", TimeSpan.FromSeconds(30));

        var detail = await monitor.InstanceAsync(instanceId);
        detail.GetProperty("summary").GetProperty("outcome").GetString().ShouldBe("failed");
        var why = detail.GetProperty("why").GetString()!;
        why.ShouldContain("No valid host");
        why.ShouldContain("RamFilter");

        var failed = await monitor.GetAsync("/orchestrations?outcome=failed&name=BootServer");
        failed.GetProperty("orchestrations").EnumerateArray().Select(o => o.GetProperty("instance_id").GetString()).ShouldContain(instanceId);
        var stats = await monitor.GetAsync("/stats");
        stats.GetProperty("failed_recently").EnumerateArray().Select(o => o.GetProperty("instance_id").GetString()).ShouldContain(instanceId);
        stats.GetProperty("by_name").GetProperty("BootServerWorkflow").GetInt32().ShouldBeGreaterThan(0);

        var (purge, purged) = await monitor.SendAsync(HttpMethod.Delete, "/orchestrations/" + instanceId);
        purge.ShouldBe(202);
        purged.GetProperty("purged").GetInt32().ShouldBe(1);
        var (gone, error) = await monitor.SendAsync(HttpMethod.Get, "/orchestrations/" + instanceId);
        gone.ShouldBe(404);
        error.GetProperty("error").GetProperty("code").GetInt32().ShouldBe(404);
    }

    [Fact]
    public async Task Boot_AgentGone_WhySaysWaitingForTheDownNodeThenTerminatedAndBulkPurged()
    {
        await host.EnsureNodeUpAsync();
        var api = await ComputeApi.LoginAsync(host, host.DemoEnvironment);
        var monitor = await AdminAsync();
        await host.StopAgentAsync();
        try
        {
            // Booted before the node is declared down: scheduled onto it, the spawn waits for an agent that is gone.
            var id = await api.BootAsync("stuck");
            var instanceId = id + ":create";
            string? why = null;
            await Poll.UntilAsync(async () =>
            {
                var detail = await monitor.InstanceAsync(instanceId);
                why = detail.TryGetProperty("why", out var w) ? w.GetString() : null;
                return why?.Contains("down since", StringComparison.Ordinal) == true;
            }, "the why to name the down node", TimeSpan.FromSeconds(60));
            why!.ShouldStartWith("Waiting ");
            why.ShouldContain("node local");

            var (status, accepted) = await monitor.SendAsync(HttpMethod.Post, $"/orchestrations/{instanceId}/terminate", """{"reason": "agent gone for good"}""");
            status.ShouldBe(202);
            accepted.GetProperty("action").GetString().ShouldBe("terminate");
            await Poll.UntilAsync(async () => (await monitor.InstanceAsync(instanceId)).GetProperty("summary").GetProperty("runtime_status").GetString() == "Terminated", "the termination", TimeSpan.FromSeconds(30));
            (await monitor.InstanceAsync(instanceId)).GetProperty("why").GetString()!.ShouldContain("agent gone for good");

            var (purge, purged) = await monitor.SendAsync(HttpMethod.Post, "/purge", """{"statuses": ["Terminated"], "older_than_hours": 0}""");
            purge.ShouldBe(202);
            purged.GetProperty("purged").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
            (await monitor.SendAsync(HttpMethod.Get, "/orchestrations/" + instanceId)).Status.ShouldBe(404);
        }
        finally
        {
            await host.EnsureNodeUpAsync();
        }
    }

    [Fact]
    public async Task List_PagedByContinuation_SameRowsAsOnePageAndFiltersChecked()
    {
        await host.EnsureNodeUpAsync();
        var api = await ComputeApi.LoginAsync(host, host.DemoEnvironment);
        foreach (var name in new[] { "page-a", "page-b", "page-c" })
        {
            await api.WaitSettledAsync(await api.BootAsync(name), TimeSpan.FromMinutes(1));
        }

        var monitor = await AdminAsync();
        var all = (await monitor.GetAsync("/orchestrations?limit=500")).GetProperty("orchestrations").EnumerateArray().Select(o => o.GetProperty("instance_id").GetString()).ToList();
        all.Count.ShouldBeGreaterThanOrEqualTo(3);
        var paged = new List<string?>();
        string? continuation = null;
        do
        {
            var page = await monitor.GetAsync("/orchestrations?limit=2" + (continuation is null ? string.Empty : "&continuation=" + continuation));
            page.GetProperty("orchestrations").GetArrayLength().ShouldBeLessThanOrEqualTo(2);
            paged.AddRange(page.GetProperty("orchestrations").EnumerateArray().Select(o => o.GetProperty("instance_id").GetString()));
            continuation = page.TryGetProperty("continuation", out var c) ? c.GetString() : null;
        }
        while (continuation is not null);
        paged.ShouldBe(all);

        var named = await monitor.GetAsync("/orchestrations?name=BootServerWorkflow&limit=1");
        named.GetProperty("orchestrations").EnumerateArray().Single().GetProperty("name").GetString().ShouldBe("BootServerWorkflow");
        named.TryGetProperty("continuation", out _).ShouldBeTrue();

        var sorted = (await monitor.GetAsync("/orchestrations?sort=created_at&order=desc")).GetProperty("orchestrations").EnumerateArray()
            .Select(o => o.GetProperty("created_at").GetDateTimeOffset()).ToList();
        sorted.ShouldBe(sorted.OrderByDescending(t => t).ToList());

        var completed = (await monitor.GetAsync("/orchestrations?status=Completed")).GetProperty("orchestrations").EnumerateArray();
        completed.ShouldAllBe(o => o.GetProperty("runtime_status").GetString() == "Completed");

        var (bad, error) = await monitor.SendAsync(HttpMethod.Get, "/orchestrations?status=Sleeping");
        bad.ShouldBe(400);
        error.GetProperty("error").GetProperty("message").GetString()!.ShouldContain("Sleeping");
        (await monitor.SendAsync(HttpMethod.Get, "/orchestrations?continuation=garbage!")).Status.ShouldBe(400);
        (await monitor.SendAsync(HttpMethod.Get, "/resources/planet/x/orchestrations")).Status.ShouldBe(400);
    }

    [Fact]
    public async Task Api_MemberForbiddenAndNoTokenUnauthorized_KeystoneErrorBodies()
    {
        var member = new MonitorClient(host.Client, await host.TokenAsync("demo", IdentityHostFixture.DemoPassword, "demo"));
        var (forbidden, body) = await member.SendAsync(HttpMethod.Get, "/orchestrations");
        forbidden.ShouldBe(403);
        body.GetProperty("error").GetProperty("code").GetInt32().ShouldBe(403);
        (await member.SendAsync(HttpMethod.Post, "/purge", """{"older_than_hours": 0}""")).Status.ShouldBe(403);

        var anonymous = new MonitorClient(host.Client, null);
        var (unauthorized, missing) = await anonymous.SendAsync(HttpMethod.Get, "/stats");
        unauthorized.ShouldBe(401);
        missing.GetProperty("error").GetProperty("title").GetString().ShouldBe("Unauthorized");
    }
}
