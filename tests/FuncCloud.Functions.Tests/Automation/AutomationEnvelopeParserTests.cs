using System.Text.Json.Nodes;
using FuncCloud.Functions.Automation.Envelope;
using FuncCloud.Shared.Automation;
using Microsoft.Extensions.Options;
using Shouldly;
using Xunit;

namespace FuncCloud.Functions.Tests.Automation;

/// <summary>Envelope validation and <c>$ref</c> resolution, without a host.</summary>
public sealed class AutomationEnvelopeParserTests
{
    private static readonly AutomationEnvelopeParser Parser = new(Options.Create(new AutomationOptions()));

    private static JsonObject Step(string name, string path, JsonNode? body = null) =>
        new() { ["name"] = name, ["method"] = "POST", ["path"] = path, ["body"] = body };

    private static string Batch(params JsonObject[] steps) => new JsonObject
    {
        ["correlation_id"] = "c-1",
        ["auth"] = new JsonObject { ["token"] = "t" },
        ["batch"] = new JsonObject { ["steps"] = new JsonArray(steps) },
    }.ToJsonString();

    [Fact]
    public void Parse_BatchWithRefs_OrdersDependencies()
    {
        var envelope = Parser.Parse(Batch(
            Step("net", "/network/v2.0/networks", new JsonObject { ["network"] = new JsonObject() }),
            Step("sub", "/network/v2.0/subnets", new JsonObject { ["subnet"] = new JsonObject { ["network_id"] = new JsonObject { ["$ref"] = "net.body.network.id" } } }),
            Step("tag", "/network/v2.0/networks/${net.body.network.id}/tags")), "m-1");

        envelope.CorrelationId.ShouldBe("c-1");
        envelope.ReplyQueue.ShouldBe(AutomationNames.ReplyQueue);
        envelope.Steps.Select(s => s.DependsOn.Count).ShouldBe([0, 1, 1]);
        envelope.Steps[2].DependsOn.ShouldBe(["net"]);
    }

    [Fact]
    public void Parse_Cycle_Rejected()
    {
        var e = Should.Throw<AutomationRejectedException>(() => Parser.Parse(Batch(
            Step("a", "/x/${b.body.id}"),
            Step("b", "/x/${a.body.id}")), "m-1"));
        e.Message.ShouldContain("cycle");
        e.CorrelationId.ShouldBe("c-1");
    }

    [Theory]
    [InlineData("""{"auth":{"token":"t"},"operation":{"method":"GET","path":"/compute/v2.1/servers"},"batch":{"steps":[]}}""", "exactly one of")]
    [InlineData("""{"auth":{"token":"t"},"operation":{"method":"GET","path":"http://elsewhere/x"}}""", "absolute API path")]
    [InlineData("""{"auth":{"token":"t"},"operation":{"method":"GET","path":"/a/../b"}}""", "absolute API path")]
    [InlineData("""{"operation":{"method":"GET","path":"/compute/v2.1/servers"}}""", "auth is required")]
    [InlineData("""{"auth":{"token":"t"},"operation":{"method":"GET","path":"/x"},"colour":"red"}""", "unknown member 'colour'")]
    [InlineData("""{"auth":{"token":"t"},"operation":{"method":"GET","path":"/x"},"version":"2"}""", "version '2'")]
    [InlineData("""{"auth":{"token":"t"},"batch":{"steps":[{"name":"a","method":"GET","path":"/x/${zz.body.id}"}]}}""", "no step of the batch")]
    [InlineData("""{"auth":{"token":"t"},"operation":{"method":"GET","path":"/x"},"reply_to":"Bad_Queue"}""", "reply_to")]
    [InlineData("""{"auth":{"token":"t"},"operation":{"method":"GET","path":"/x"},"reply_to":"agent-results"}""", "reply_to")]
    public void Parse_BadEnvelope_RejectedWithReason(string text, string reason) =>
        Should.Throw<AutomationRejectedException>(() => Parser.Parse(text, "m-1")).Message.ShouldContain(reason);

    [Fact]
    public void Parse_NoCorrelationId_UsesTheMessageId() =>
        Parser.Parse("""{"auth":{"token":"t"},"operation":{"method":"get","path":"/x"}}""", "m-42").CorrelationId.ShouldBe("m-42");

    [Fact]
    public void Resolve_RefsAndPlaceholders_TakeValuesFromEarlierResults()
    {
        var step = new AutomationStep("s", "POST", "/n/${net.body.network.id}/x", null, null,
            JsonNode.Parse("""{"a":{"$ref":"net.body.network.mtu"},"b":"id=${net.body.network.id}","c":[{"$ref":"net.status_code"}]}"""), false, ["net"]);
        var results = new Dictionary<string, JsonObject> { ["net"] = JsonNode.Parse("""{"status_code":201,"body":{"network":{"id":"n1","mtu":1450}}}""")!.AsObject() };

        var resolved = AutomationRefs.Resolve(step, results);

        resolved.Path.ShouldBe("/n/n1/x");
        resolved.Body!.ToJsonString().ShouldBe("""{"a":1450,"b":"id=n1","c":[201]}""");
        Should.Throw<InvalidOperationException>(() => AutomationRefs.Resolve(step with { Path = "/${net.body.nothing}" }, results)).Message.ShouldContain("nothing at 'net.body.nothing'");
    }
}
