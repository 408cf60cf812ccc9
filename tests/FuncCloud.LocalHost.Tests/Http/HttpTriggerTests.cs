using System.Net;
using System.Net.Http.Json;
using FuncCloud.LocalHost.Tests.TestFunctions;
using Shouldly;
using Xunit;

namespace FuncCloud.LocalHost.Tests.Http;

public sealed class HttpTriggerTests(ContractHostFixture host) : IClassFixture<ContractHostFixture>
{
    private HttpClient Client => host.Client;

    [Fact]
    public async Task Get_RouteAndQueryAndHeader_BindsAll()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/items/42?label=blue");
        request.Headers.Add("X-Test", "hdr");
        using var response = await Client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<ItemResponse>()).ShouldBe(new ItemResponse(42, "blue", "hdr"));
    }

    [Fact]
    public async Task Get_RouteConstraintNotMet_Returns404()
    {
        using var response = await Client.GetAsync("/items/not-a-number");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Post_JsonBody_BindsFromBodyAndReturnsCreated()
    {
        using var response = await Client.PostAsJsonAsync("/items", new CreateItemRequest(7, "seven"));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        response.Headers.Location!.ToString().ShouldBe("/items/7");
        (await response.Content.ReadFromJsonAsync<ItemResponse>()).ShouldBe(new ItemResponse(7, "seven", "created"));
    }

    [Fact]
    public async Task Post_MalformedJson_Returns400WithReason()
    {
        using var response = await Client.PostAsync("/items", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("not valid JSON");
    }

    [Fact]
    public async Task Method_NotInTrigger_Returns405()
    {
        using var response = await Client.PutAsync("/items", new StringContent("{}"));
        response.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task Delete_ActionResults_MapToStatusCodes()
    {
        using var gone = await Client.DeleteAsync("/items/abc");
        using var missing = await Client.DeleteAsync("/items/missing");

        gone.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await missing.Content.ReadAsStringAsync()).ShouldContain("item missing not found");
    }

    [Theory]
    [InlineData("/secret", null, HttpStatusCode.Unauthorized)]
    [InlineData("/secret?code=wrong", null, HttpStatusCode.Unauthorized)]
    [InlineData("/secret?code=" + TestKeys.Function, null, HttpStatusCode.OK)]
    [InlineData("/secret", TestKeys.Master, HttpStatusCode.OK)]
    [InlineData("/admin-only", TestKeys.Function, HttpStatusCode.Unauthorized)]
    [InlineData("/admin-only", TestKeys.Master, HttpStatusCode.OK)]
    public async Task AuthLevel_Key_EnforcedLikeFunctionsHost(string url, string? headerKey, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (headerKey is not null)
        {
            request.Headers.Add("x-functions-key", headerKey);
        }

        using var response = await Client.SendAsync(request);
        response.StatusCode.ShouldBe(expected);
    }

    [Fact]
    public async Task UnhandledException_Returns500WithoutDetail()
    {
        using var response = await Client.GetAsync("/throws");

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("boom");
    }

    [Fact]
    public async Task NoRoute_DefaultsToFunctionName_AndGetsFunctionContext()
    {
        (await Client.GetStringAsync("/DefaultRoute")).ShouldBe("DefaultRoute:True");
    }

    [Fact]
    public async Task FunctionClass_GetsConstructorInjection()
    {
        using var created = await Client.PostAsJsonAsync("/items", new CreateItemRequest(1, "one"));
        var count = await Client.GetFromJsonAsync<int>("/counter");
        count.ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task HostStatus_ReportsRunning()
    {
        var status = await Client.GetStringAsync("/admin/host/status");
        status.ShouldContain("\"state\":\"Running\"");
    }
}
