using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.OpenStack.Errors;
using Microsoft.AspNetCore.Http;
using Shouldly;
using Xunit;

namespace FuncCloud.Shared.Tests.Compute.Api;

public sealed class ComputeApiVersionTests
{
    [Theory]
    [InlineData(null, 2, 1)]
    [InlineData("", 2, 1)]
    [InlineData("2.1", 2, 1)]
    [InlineData("2.10", 2, 10)]
    [InlineData("2.79", 2, 79)]
    [InlineData("latest", 2, 79)]
    [InlineData("LATEST", 2, 79)]
    public void Parse_Valid_ReturnsVersion(string? text, int major, int minor) =>
        ComputeApiVersion.Parse(text).ShouldBe(new ComputeApiVersion(major, minor));

    [Theory]
    [InlineData("2")]
    [InlineData("2.")]
    [InlineData(".1")]
    [InlineData("2.01")]
    [InlineData("02.1")]
    [InlineData("2.1.1")]
    [InlineData("v2.1")]
    [InlineData("2.-1")]
    [InlineData("abc")]
    public void Parse_Malformed_ThrowsBadRequest(string text) =>
        Should.Throw<BadRequestException>(() => ComputeApiVersion.Parse(text)).Message.ShouldContain("is of invalid format");

    [Theory]
    [InlineData("2.0")]
    [InlineData("2.80")]
    [InlineData("3.0")]
    [InlineData("1.1")]
    public void Parse_OutOfRange_Throws406(string text)
    {
        var error = Should.Throw<ApiVersionNotSupportedException>(() => ComputeApiVersion.Parse(text));

        error.StatusCode.ShouldBe(406);
        error.Message.ShouldBe($"Version {text} is not supported by the API. Minimum is 2.1 and maximum is 2.79.");
    }

    [Fact]
    public void CompareTo_NumericNotLexical() =>
        new ComputeApiVersion(2, 10).CompareTo(new ComputeApiVersion(2, 9)).ShouldBeGreaterThan(0);

    [Fact]
    public void IsAtLeast_Boundaries()
    {
        var version = new ComputeApiVersion(2, 55);

        version.IsAtLeast(2, 55).ShouldBeTrue();
        version.IsAtLeast(2, 56).ShouldBeFalse();
        version.IsAtLeast(2, 2).ShouldBeTrue();
    }

    [Fact]
    public void Requested_StandardHeaderWins_AndPicksComputeAmongServices()
    {
        var headers = new HeaderDictionary
        {
            ["OpenStack-API-Version"] = "volume 3.10, compute 2.60",
            ["X-OpenStack-Nova-API-Version"] = "2.5",
        };

        ComputeApiVersionHeaders.Requested(headers).ShouldBe("2.60");
    }

    [Fact]
    public void Requested_LegacyHeaderOnly_IsUsed() =>
        ComputeApiVersionHeaders.Requested(new HeaderDictionary { ["X-OpenStack-Nova-API-Version"] = "2.5" }).ShouldBe("2.5");

    [Fact]
    public void Requested_OtherServiceOnly_IsNone() =>
        ComputeApiVersionHeaders.Requested(new HeaderDictionary { ["OpenStack-API-Version"] = "volume 3.10" }).ShouldBeNull();

    [Fact]
    public void Apply_SetsBothHeadersAndVary()
    {
        var context = new DefaultHttpContext();

        ComputeApiVersionHeaders.Apply(context.Response, new ComputeApiVersion(2, 42));

        context.Response.Headers["OpenStack-API-Version"].ToString().ShouldBe("compute 2.42");
        context.Response.Headers["X-OpenStack-Nova-API-Version"].ToString().ShouldBe("2.42");
        context.Response.Headers.Vary.ToString().ShouldBe("OpenStack-API-Version, X-OpenStack-Nova-API-Version");
    }
}
