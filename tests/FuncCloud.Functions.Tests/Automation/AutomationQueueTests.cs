using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FuncCloud.Functions.Tests.Compute.Servers;
using FuncCloud.Functions.Tests.Network;
using FuncCloud.Shared.Automation;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace FuncCloud.Functions.Tests.Automation;

/// <summary>
/// Issue 16's done-when, end to end through the real queue trigger, the durable workflow and the public API:
/// envelopes on <c>cloud-requests</c>, replies on <c>cloud-replies</c>, results over HTTP.
/// </summary>
public sealed class AutomationQueueTests(AutomationHostFixture host, ITestOutputHelper output) : IClassFixture<AutomationHostFixture>
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromMinutes(4);

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    private async Task<JsonObject> CredentialAuthAsync()
    {
        var (id, secret) = await host.DemoCredentialAsync();
        return new JsonObject { ["application_credential"] = new JsonObject { ["id"] = id, ["secret"] = secret } };
    }

    private async Task<JsonArray> NetworksNamedAsync(string name)
    {
        using var admin = host.ClientWith(await host.TokenAsync("admin", AutomationHostFixture.AdminPassword, "admin"));
        var body = await Neutron.JsonAsync(await admin.GetAsync($"/network/v2.0/networks?name={name}"), 200);
        return body["networks"]!.AsArray();
    }

    private async Task<JsonObject> ResultAsync(string correlationId, string token, int expectedStatus = 200)
    {
        using var client = host.ClientWith(token);
        return await Neutron.JsonAsync(await client.GetAsync($"/automation/v1/requests/{correlationId}"), expectedStatus);
    }

    private static JsonObject BootBatch(string correlationId, JsonObject auth, string name) => new()
    {
        ["version"] = "1",
        ["correlation_id"] = correlationId,
        ["auth"] = auth,
        ["batch"] = new JsonObject
        {
            ["steps"] = new JsonArray(
                new JsonObject { ["name"] = "net", ["method"] = "POST", ["path"] = "/network/v2.0/networks", ["body"] = new JsonObject { ["network"] = new JsonObject { ["name"] = name } } },
                new JsonObject
                {
                    ["name"] = "subnet", ["method"] = "POST", ["path"] = "/network/v2.0/subnets",
                    ["body"] = new JsonObject { ["subnet"] = new JsonObject { ["name"] = name, ["network_id"] = new JsonObject { ["$ref"] = "net.body.network.id" }, ["ip_version"] = 4, ["cidr"] = "10.77.0.0/24" } },
                },
                new JsonObject
                {
                    ["name"] = "server", ["method"] = "POST", ["path"] = "/compute/v2.1/servers", ["wait"] = true,
                    ["headers"] = new JsonObject { ["OpenStack-API-Version"] = "compute 2.79" },
                    ["body"] = new JsonObject
                    {
                        ["server"] = new JsonObject
                        {
                            ["name"] = name, ["flavorRef"] = "1", ["imageRef"] = ComputeHostFixture.ImageId,
                            // The subnet's network_id (the same id) makes the server wait for the subnet: a step
                            // depends only on the steps it refers to, and a network without a subnet cannot take a port.
                            ["networks"] = new JsonArray(new JsonObject { ["uuid"] = new JsonObject { ["$ref"] = "subnet.body.subnet.network_id" } }),
                        },
                    },
                }),
        },
    };

    [Fact]
    public async Task Batch_NetworkSubnetServerWithApplicationCredential_ServerActiveAndResendDoesNotCreateTwice()
    {
        var correlationId = Unique("boot");
        var name = Unique("auto");
        var envelope = BootBatch(correlationId, await CredentialAuthAsync(), name);
        await host.SendAsync(envelope);

        var reply = await host.ReplyAsync(correlationId, ReplyTimeout);
        reply["status"]!.GetValue<string>().ShouldBe(AutomationStatus.Succeeded, reply.ToJsonString());
        var results = reply["results"]!.AsArray();
        results.Select(r => r!["name"]!.GetValue<string>()).ShouldBe(["net", "subnet", "server"], ignoreOrder: true);
        var server = results.Single(r => r!["name"]!.GetValue<string>() == "server")!;
        server["status_code"]!.GetValue<int>().ShouldBe(202);
        server["headers"]!["Location"]!.GetValue<string>().ShouldContain("/compute/v2.1/servers/");
        server["headers"]!["X-Openstack-Request-Id"]!.GetValue<string>().ShouldStartWith("req-");
        server["resource"]!["status"]!.GetValue<string>().ShouldBe("ACTIVE");
        var serverId = server["body"]!["server"]!["id"]!.GetValue<string>();
        var networkId = results.Single(r => r!["name"]!.GetValue<string>() == "net")!["body"]!["network"]!["id"]!.GetValue<string>();
        results.Single(r => r!["name"]!.GetValue<string>() == "subnet")!["body"]!["subnet"]!["network_id"]!.GetValue<string>().ShouldBe(networkId);

        // The owner reads the same outcome over HTTP.
        var demoToken = await host.TokenAsync("demo", AutomationHostFixture.DemoPassword, "demo");
        var row = (await ResultAsync(correlationId, demoToken))["request"]!;
        row["status"]!.GetValue<string>().ShouldBe(AutomationStatus.Succeeded);
        row["completed_at"].ShouldNotBeNull();

        // Re-sent with the same correlation id: the recorded result again, nothing created twice.
        await host.SendAsync(BootBatch(correlationId, await CredentialAuthAsync(), name));
        var again = await host.ReplyAsync(correlationId, ReplyTimeout, count: 2);
        again["results"]!.AsArray().Single(r => r!["name"]!.GetValue<string>() == "server")!["body"]!["server"]!["id"]!.GetValue<string>().ShouldBe(serverId);
        (await NetworksNamedAsync(name)).Count.ShouldBe(1);
        var api = new ComputeApi(host.Client, demoToken);
        using var servers = await api.SendAsync(HttpMethod.Get, $"/compute/v2.1/servers?name={name}", null);
        JsonNode.Parse(await servers.Content.ReadAsStringAsync())!["servers"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task BadSecret_RepliesRejectedAndCreatesNothing()
    {
        var (id, _) = await host.DemoCredentialAsync();
        var correlationId = Unique("badsecret");
        var name = Unique("never");
        await host.SendAsync(new JsonObject
        {
            ["correlation_id"] = correlationId,
            ["auth"] = new JsonObject { ["application_credential"] = new JsonObject { ["id"] = id, ["secret"] = "not-the-secret" } },
            ["operation"] = new JsonObject { ["method"] = "POST", ["path"] = "/network/v2.0/networks", ["body"] = new JsonObject { ["network"] = new JsonObject { ["name"] = name } } },
        });

        var reply = await host.ReplyAsync(correlationId, ReplyTimeout);
        reply["status"]!.GetValue<string>().ShouldBe(AutomationStatus.Rejected);
        reply["reason"]!.GetValue<string>().ShouldContain("authentication failed (401)");
        reply["results"]!.AsArray().ShouldBeEmpty();
        (await NetworksNamedAsync(name)).ShouldBeEmpty();

        // The refusal is recorded; it belongs to nobody, so only an admin reads it.
        var admin = await host.TokenAsync("admin", AutomationHostFixture.AdminPassword, "admin");
        (await ResultAsync(correlationId, admin))["request"]!["status"]!.GetValue<string>().ShouldBe(AutomationStatus.Rejected);
        var demo = await host.TokenAsync("demo", AutomationHostFixture.DemoPassword, "demo");
        (await ResultAsync(correlationId, demo, 404))["error"]!["code"]!.GetValue<int>().ShouldBe(404);
    }

    [Fact]
    public async Task MemberOfOneProject_CannotActOnAnotherThroughTheQueue()
    {
        var admin = await host.TokenAsync("admin", AutomationHostFixture.AdminPassword, "admin");
        using var adminClient = host.ClientWith(admin);
        var projects = await Neutron.JsonAsync(await adminClient.GetAsync("/identity/v3/projects?name=admin"), 200);
        var adminProject = projects["projects"]![0]!["id"]!.GetValue<string>();
        var correlationId = Unique("other");
        var name = Unique("theirs");
        await host.SendAsync(new JsonObject
        {
            ["correlation_id"] = correlationId,
            ["auth"] = await CredentialAuthAsync(),
            ["operation"] = new JsonObject
            {
                ["method"] = "POST", ["path"] = "/network/v2.0/networks",
                ["body"] = new JsonObject { ["network"] = new JsonObject { ["name"] = name, ["project_id"] = adminProject } },
            },
        });

        var reply = await host.ReplyAsync(correlationId, ReplyTimeout);
        reply["status"]!.GetValue<string>().ShouldBe(AutomationStatus.Failed);
        var result = reply["results"]![0]!;
        result["status_code"]!.GetValue<int>().ShouldBe(403, result.ToJsonString());
        result["body"]!["NeutronError"]!["type"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        (await NetworksNamedAsync(name)).ShouldBeEmpty();

        // Results are the owner's: the admin of another project gets 404.
        (await ResultAsync(correlationId, admin, 404))["error"]!["code"]!.GetValue<int>().ShouldBe(404);
    }

    [Fact]
    public async Task MalformedMessages_RepliedWithTheReason_UnreadableOnesPoisoned()
    {
        var messageId = await host.SendTextAsync("this is { not json");
        var reply = await host.ReplyAsync(messageId, ReplyTimeout);
        reply["status"]!.GetValue<string>().ShouldBe(AutomationStatus.Rejected);
        reply["reason"]!.GetValue<string>().ShouldContain("not JSON");
        JsonObject? poisoned = null;
        await Poll.UntilAsync(async () =>
        {
            var peeked = (await host.Queue(AutomationNames.PoisonQueue).PeekMessagesAsync(32)).Value;
            poisoned = peeked.Select(m => JsonNode.Parse(m.Body.ToString())!.AsObject()).FirstOrDefault(m => m["message_id"]?.GetValue<string>() == messageId);
            return poisoned is not null;
        }, "the poison note", ReplyTimeout);
        poisoned!["reason"]!.GetValue<string>().ShouldContain("not JSON");
        poisoned["message"]!.GetValue<string>().ShouldBe("this is { not json");

        var correlationId = Unique("badop");
        await host.SendAsync(new JsonObject
        {
            ["correlation_id"] = correlationId,
            ["auth"] = await CredentialAuthAsync(),
            ["operation"] = new JsonObject { ["method"] = "FROB", ["path"] = "/network/v2.0/networks" },
        });
        var refused = await host.ReplyAsync(correlationId, ReplyTimeout);
        refused["status"]!.GetValue<string>().ShouldBe(AutomationStatus.Rejected);
        refused["reason"]!.GetValue<string>().ShouldContain("operation.method 'FROB'");
    }

    [Fact]
    public async Task Batch_FailingStepWithCompensate_DeletesWhatItCreated()
    {
        var correlationId = Unique("undo");
        var name = Unique("undo");
        await host.SendAsync(new JsonObject
        {
            ["correlation_id"] = correlationId,
            ["auth"] = await CredentialAuthAsync(),
            ["batch"] = new JsonObject
            {
                ["compensate"] = true,
                ["steps"] = new JsonArray(
                    new JsonObject { ["name"] = "net", ["method"] = "POST", ["path"] = "/network/v2.0/networks", ["body"] = new JsonObject { ["network"] = new JsonObject { ["name"] = name } } },
                    new JsonObject
                    {
                        ["name"] = "subnet", ["method"] = "POST", ["path"] = "/network/v2.0/subnets",
                        ["body"] = new JsonObject { ["subnet"] = new JsonObject { ["network_id"] = new JsonObject { ["$ref"] = "net.body.network.id" }, ["ip_version"] = 4, ["cidr"] = "not-a-cidr" } },
                    },
                    new JsonObject { ["name"] = "after", ["method"] = "GET", ["path"] = "/network/v2.0/subnets/${subnet.body.subnet.id}" }),
            },
        });

        var reply = await host.ReplyAsync(correlationId, ReplyTimeout);
        reply["status"]!.GetValue<string>().ShouldBe(AutomationStatus.Failed);
        reply["reason"]!.GetValue<string>().ShouldContain("step 'subnet' failed");
        reply["results"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()).ShouldBe(["net", "subnet"]); // 'after' never ran
        var undo = reply["compensation"]!.AsArray().Single()!;
        undo["name"]!.GetValue<string>().ShouldBe("undo-net");
        undo["status_code"]!.GetValue<int>().ShouldBe(204);
        (await NetworksNamedAsync(name)).ShouldBeEmpty();
    }

    [Fact]
    public async Task FiveHundredQueuedOperations_AllCompleteOnce()
    {
        const int count = 500;
        var run = Unique("bulk");
        var token = await host.TokenAsync("demo", AutomationHostFixture.DemoPassword, "demo");
        JsonObject Envelope(int i) => new()
        {
            ["correlation_id"] = $"{run}-{i}",
            ["auth"] = new JsonObject { ["token"] = token },
            ["operation"] = new JsonObject { ["method"] = "POST", ["path"] = "/network/v2.0/networks", ["body"] = new JsonObject { ["network"] = new JsonObject { ["name"] = $"{run}-{i}" } } },
        };

        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) => await host.SendAsync(Envelope(i)));
        // Redeliveries of 25 of them (the same correlation ids): never run twice.
        await Parallel.ForEachAsync(Enumerable.Range(0, 25).Select(i => i * 20), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) => await host.SendAsync(Envelope(i)));
        var sent = clock.Elapsed;

        IReadOnlyDictionary<string, int> replies = new Dictionary<string, int>();
        await Poll.UntilAsync(async () =>
        {
            replies = await host.ReplyCountsAsync();
            return Enumerable.Range(0, count).All(i => replies.ContainsKey($"{run}-{i}"));
        }, $"{count} replies", TimeSpan.FromMinutes(12));
        var elapsed = clock.Elapsed;
        output.WriteLine($"{count} operations (+25 re-sent): sent in {sent.TotalSeconds:F1} s, all replied after {elapsed.TotalSeconds:F1} s: {count / elapsed.TotalSeconds:F1} operations/s");

        using var admin = host.ClientWith(await host.TokenAsync("admin", AutomationHostFixture.AdminPassword, "admin"));
        var all = (await Neutron.JsonAsync(await admin.GetAsync("/network/v2.0/networks?fields=name"), 200))["networks"]!.AsArray()
            .Select(n => n!["name"]!.GetValue<string>()).Where(n => n.StartsWith(run, StringComparison.Ordinal)).ToList();
        all.Count.ShouldBe(count); // none lost, none duplicated
        all.Distinct().Count().ShouldBe(count);
        foreach (var i in new[] { 0, 1, 250, 499 })
        {
            (await ResultAsync($"{run}-{i}", token))["request"]!["status"]!.GetValue<string>().ShouldBe(AutomationStatus.Succeeded);
        }
    }

    [Fact]
    public async Task Schema_IsPublishedAndResultsNeedAToken()
    {
        using var schema = await host.Client.GetAsync("/automation/schema");
        ((int)schema.StatusCode).ShouldBe(200);
        schema.Content.Headers.ContentType!.MediaType.ShouldBe("application/schema+json");
        var body = JsonNode.Parse(await schema.Content.ReadAsStringAsync())!;
        body["$id"]!.GetValue<string>().ShouldBe("/automation/schema/v1");
        body["version"]!.GetValue<string>().ShouldBe("1");
        (await host.Client.GetStringAsync("/automation/schema/v1")).ShouldBe(await schema.Content.ReadAsStringAsync());

        using var anonymous = await host.Client.GetAsync("/automation/v1/requests/anything");
        ((int)anonymous.StatusCode).ShouldBe(401);
        JsonNode.Parse(await anonymous.Content.ReadAsStringAsync())!["error"]!["code"]!.GetValue<int>().ShouldBe(401);
    }
}

/// <summary><c>./funccloud enqueue</c>'s script against the real host: openrc credentials, <c>--wait</c> for the reply.</summary>
public sealed class AutomationEnqueueScriptTests(AutomationHostFixture host) : IClassFixture<AutomationHostFixture>
{
    [Fact]
    public async Task Enqueue_WaitWithOpenrcCredentials_PrintsCorrelationIdAndSucceededReply()
    {
        var name = $"script-{Guid.NewGuid():N}"[..20];
        var environment = host.DemoEnvironment.ToDictionary(p => p.Key, p => (string?)p.Value);
        environment["FUNCCLOUD_STORAGE"] = host.ConnectionString;
        environment["FUNCCLOUD_STORAGE_PREFIX"] = host.Id;
        var script = Path.Combine(FuncCloud.Testing.RepositoryRoot.Path, "tests", "automation", "enqueue.py");

        var result = await FuncCloud.Testing.ProcessRunner.RunAsync(
            "/usr/bin/python3", [script, "--wait", "--timeout", "240", "POST", "/network/v2.0/networks", $"{{\"network\": {{\"name\": \"{name}\"}}}}"],
            TimeSpan.FromMinutes(5), environment: environment);

        result.ExitCode.ShouldBe(0, result.Output);
        var lines = result.StandardOutput.Split('\n', 2);
        var correlationId = lines[0].Trim();
        Guid.TryParse(correlationId, out _).ShouldBeTrue(result.Output);
        var reply = JsonNode.Parse(lines[1])!["request"]!;
        reply["correlation_id"]!.GetValue<string>().ShouldBe(correlationId);
        reply["status"]!.GetValue<string>().ShouldBe(AutomationStatus.Succeeded);
        reply["results"]![0]!["body"]!["network"]!["name"]!.GetValue<string>().ShouldBe(name);
    }
}
