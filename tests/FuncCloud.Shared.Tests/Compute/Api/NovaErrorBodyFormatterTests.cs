using System.Text.Json;
using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.OpenStack.Errors;
using Shouldly;
using Xunit;

namespace FuncCloud.Shared.Tests.Compute.Api;

public sealed class NovaErrorBodyFormatterTests
{
    [Theory]
    [InlineData(400, "badRequest")]
    [InlineData(401, "unauthorized")]
    [InlineData(403, "forbidden")]
    [InlineData(404, "itemNotFound")]
    [InlineData(405, "badMethod")]
    [InlineData(409, "conflictingRequest")]
    [InlineData(413, "overLimit")]
    [InlineData(415, "badMediaType")]
    [InlineData(429, "overLimit")]
    [InlineData(500, "computeFault")]
    [InlineData(406, "computeFault")]
    [InlineData(501, "notImplemented")]
    [InlineData(503, "serviceUnavailable")]
    public void FaultName_MatchesNovaWsgiFault(int status, string name) =>
        NovaErrorBodyFormatter.FaultName(status).ShouldBe(name);

    [Fact]
    public void Format_NotFound_SerialisesNovaShape()
    {
        var body = NovaErrorBodyFormatter.Instance.Format(ComputeResourceNotFoundException.Flavor("42"));

        JsonSerializer.Serialize(body, OpenStackJson.Options).ShouldBe("""{"itemNotFound":{"code":404,"message":"Flavor 42 could not be found."}}""");
    }

    [Fact]
    public void Format_Conflict_UsesConflictingRequest()
    {
        var body = NovaErrorBodyFormatter.Instance.Format(new ConflictException("dup"));

        JsonSerializer.Serialize(body, OpenStackJson.Options).ShouldBe("""{"conflictingRequest":{"code":409,"message":"dup"}}""");
    }
}
