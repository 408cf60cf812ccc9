using System.Net;
using System.Text.Json.Nodes;
using FuncCloud.Functions.Identity.Tokens;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.Security;
using FuncCloud.Shared.Security.Fernet;
using FuncCloud.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shouldly;
using Xunit;

namespace FuncCloud.Functions.Tests.Identity;

public sealed class TokenTests(TokenHostFixture host) : IClassFixture<TokenHostFixture>
{
    private const string Admin = "admin";
    private HttpClient Client => host.Client;

    private Task<string> AdminTokenAsync() => KeystoneClient.TokenAsync(Client, Admin, IdentityHostFixture.AdminPassword, Admin);

    private async Task<HttpStatusCode> ValidateAsync(string subject)
    {
        using var response = await KeystoneClient.SendAsync(Client, HttpMethod.Get, "/identity/v3/auth/tokens", await AdminTokenAsync(), subject);
        return response.StatusCode;
    }

    [Fact]
    public async Task Validate_FreshToken_ReturnsBodyWithRolesAndCatalog()
    {
        var token = await AdminTokenAsync();
        using var response = await KeystoneClient.SendAsync(Client, HttpMethod.Get, "/identity/v3/auth/tokens", token, token);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("X-Openstack-Request-Id").Single().ShouldStartWith("req-");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["token"]!;
        body["roles"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()).Order().ShouldBe(["admin", "member", "reader"]);
        body["project"]!["name"]!.GetValue<string>().ShouldBe("admin");
        body["catalog"]!.AsArray().Count.ShouldBeGreaterThan(0);
        body["methods"]!.AsArray().Single()!.GetValue<string>().ShouldBe("password");
    }

    [Fact]
    public async Task Validate_FreshToken_BodyEqualsTheIssueBody()
    {
        // Tempest's test_validate_token compares both bodies whole: the expiry once differed below the millisecond.
        using var issued = await KeystoneClient.IssueAsync(Client, KeystoneClient.PasswordAuth(Admin, IdentityHostFixture.AdminPassword, null));
        var token = issued.Headers.GetValues("X-Subject-Token").Single();
        using var validated = await KeystoneClient.SendAsync(Client, HttpMethod.Get, "/identity/v3/auth/tokens", token, token);

        var issuedBody = JsonNode.Parse(await issued.Content.ReadAsStringAsync());
        var validatedBody = JsonNode.Parse(await validated.Content.ReadAsStringAsync());
        JsonNode.DeepEquals(validatedBody, issuedBody).ShouldBeTrue($"issued {issuedBody}\nvalidated {validatedBody}");
    }

    [Fact]
    public async Task Validate_TamperedToken_Rejected()
    {
        var token = await AdminTokenAsync();
        var tampered = token[..40] + (token[40] == 'A' ? 'B' : 'A') + token[41..];

        (await ValidateAsync(tampered)).ShouldBe(HttpStatusCode.NotFound);
        using var asCaller = await KeystoneClient.SendAsync(Client, HttpMethod.Get, "/identity/v3/projects", tampered);
        asCaller.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await asCaller.Content.ReadAsStringAsync()).ShouldContain("\"title\":\"Unauthorized\"");
    }

    [Fact]
    public async Task Open_ExpiredToken_Rejected()
    {
        var provider = host.Services.GetRequiredService<TokenProvider>();
        var past = DateTimeOffset.UtcNow.AddHours(-2);
        var token = await provider.IssueAsync(new TokenPayload("u1", [AuthMethods.Password], ScopeType.Unscoped, null, past, past.AddHours(1), [TokenProvider.NewAuditId()], null), CancellationToken.None);

        var error = await Should.ThrowAsync<UnauthorizedException>(() => provider.OpenAsync(token, CancellationToken.None));
        error.Message.ShouldContain("expired");
    }

    [Fact]
    public async Task Validate_AfterKeyRotation_StillValidUntilKeyRetired()
    {
        var token = await AdminTokenAsync();
        var keys = host.Services.GetRequiredService<FernetKeyRepository>();

        await keys.RotateAsync(CancellationToken.None);
        (await ValidateAsync(token)).ShouldBe(HttpStatusCode.OK);

        // The staged key became primary; the key that signed the token is now the oldest secondary.
        var maxActive = host.Services.GetRequiredService<IOptions<FernetOptions>>().Value.MaxActiveKeys;
        for (var i = 0; i < maxActive; i++)
        {
            await keys.RotateAsync(CancellationToken.None);
        }

        var provider = host.Services.GetRequiredService<TokenProvider>();
        await Should.ThrowAsync<UnauthorizedException>(() => provider.OpenAsync(token, CancellationToken.None));
    }

    [Fact]
    public async Task Validate_RevokedAfterCachedValidation_Rejected()
    {
        var subject = await AdminTokenAsync();
        (await ValidateAsync(subject)).ShouldBe(HttpStatusCode.OK);

        using var revoke = await KeystoneClient.SendAsync(Client, HttpMethod.Delete, "/identity/v3/auth/tokens", await AdminTokenAsync(), subject);
        revoke.StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await ValidateAsync(subject)).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task IsRevoked_EventModel_MatchesAllSetFieldsAndIssuedBefore()
    {
        await Task.CompletedTask;
        var issued = DateTimeOffset.UtcNow;
        var payload = new TokenPayload("u1", [AuthMethods.Password], ScopeType.Project, "p1", issued, issued.AddHours(1), ["a1", "chain"], null);
        TokenValidator.IsRevoked(payload, [Event(userId: "u1", issuedBefore: issued)]).ShouldBeTrue();
        TokenValidator.IsRevoked(payload, [Event(userId: "u1", issuedBefore: issued.AddTicks(-1))]).ShouldBeFalse();
        TokenValidator.IsRevoked(payload, [Event(userId: "u1", projectId: "p2", issuedBefore: issued)]).ShouldBeFalse();
        TokenValidator.IsRevoked(payload, [Event(auditChainId: "chain", issuedBefore: issued)]).ShouldBeTrue();
        TokenValidator.IsRevoked(payload, [Event(auditId: "other", issuedBefore: issued)]).ShouldBeFalse();
    }

    [Fact]
    public async Task PasswordChangeAndRoleRemoval_RevokeExistingTokens()
    {
        var admin = await AdminTokenAsync();
        var userId = await CreateMemberAsync(admin, "revocable", "first-pass");
        var token = await KeystoneClient.TokenAsync(Client, "revocable", "first-pass", "demo");
        (await ValidateAsync(token)).ShouldBe(HttpStatusCode.OK);

        using var change = await KeystoneClient.SendAsync(Client, HttpMethod.Post, $"/identity/v3/users/{userId}/password", token, body: new JsonObject
        {
            ["user"] = new JsonObject { ["original_password"] = "first-pass", ["password"] = "second-pass" },
        });
        change.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await ValidateAsync(token)).ShouldBe(HttpStatusCode.NotFound);

        var second = await KeystoneClient.TokenAsync(Client, "revocable", "second-pass", "demo");
        (await ValidateAsync(second)).ShouldBe(HttpStatusCode.OK);
        var demo = await ProjectIdAsync(admin, "demo");
        var member = await RoleIdAsync(admin, "member");
        using var revoke = await KeystoneClient.SendAsync(Client, HttpMethod.Delete, $"/identity/v3/projects/{demo}/users/{userId}/roles/{member}", admin);
        revoke.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await ValidateAsync(second)).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Issue_WrongPasswordOrUnknownUser_SameUnauthorizedBody()
    {
        using var wrong = await KeystoneClient.IssueAsync(Client, KeystoneClient.PasswordAuth(Admin, "nope", Admin));
        using var unknown = await KeystoneClient.IssueAsync(Client, KeystoneClient.PasswordAuth("nobody-here", "nope", Admin));

        wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        unknown.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var body = await wrong.Content.ReadAsStringAsync();
        body.ShouldBe(await unknown.Content.ReadAsStringAsync());
        JsonNode.Parse(body)!["error"]!["code"]!.GetValue<int>().ShouldBe(401);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[]")]
    [InlineData("{\"auth\": {\"identity\": {\"methods\": \"password\"}}}")]
    [InlineData("{\"auth\": {\"identity\": {\"methods\": [\"password\"], \"password\": {\"user\": {\"name\": 5}}}}}")]
    public async Task Issue_MalformedBody_Returns400InKeystoneShape(string json)
    {
        using var response = await Client.PostAsync("/identity/v3/auth/tokens", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!["title"]!.GetValue<string>().ShouldBe("Bad Request");
    }

    [Fact]
    public async Task Unscoped_ThenRescopeWithToken_KeepsExpiryAndChainsAudit()
    {
        var unscoped = await KeystoneClient.TokenAsync(Client, Admin, IdentityHostFixture.AdminPassword, null);
        using var rescope = await KeystoneClient.IssueAsync(Client, new JsonObject
        {
            ["auth"] = new JsonObject
            {
                ["identity"] = new JsonObject { ["methods"] = new JsonArray("token"), ["token"] = new JsonObject { ["id"] = unscoped } },
                ["scope"] = new JsonObject { ["system"] = new JsonObject { ["all"] = true } },
            },
        });

        rescope.StatusCode.ShouldBe(HttpStatusCode.Created);
        var token = JsonNode.Parse(await rescope.Content.ReadAsStringAsync())!["token"]!;
        token["system"]!["all"]!.GetValue<bool>().ShouldBeTrue();
        token["audit_ids"]!.AsArray().Count.ShouldBe(2);
    }

    [Fact]
    public async Task Discovery_RootAndV3_AnswerLikeKeystone()
    {
        using var root = await Client.GetAsync("/identity");
        root.StatusCode.ShouldBe(HttpStatusCode.MultipleChoices);
        var versions = JsonNode.Parse(await root.Content.ReadAsStringAsync())!["versions"]!["values"]!.AsArray();
        versions.Single()!["id"]!.GetValue<string>().ShouldBe("v3.14");

        using var v3 = await Client.GetAsync("/identity/v3");
        var version = JsonNode.Parse(await v3.Content.ReadAsStringAsync())!["version"]!;
        version["links"]![0]!["href"]!.GetValue<string>().ShouldBe(host.AuthUrl + "/");
        version["media-types"]!.AsArray().Count.ShouldBe(1);
    }

    private static Functions.Identity.Model.RevocationEvent Event(string? userId = null, string? projectId = null, string? auditId = null, string? auditChainId = null, DateTimeOffset issuedBefore = default) =>
        new("e", userId, projectId, auditId, auditChainId, issuedBefore, issuedBefore);

    private async Task<string> CreateMemberAsync(string admin, string name, string password)
    {
        using var created = await KeystoneClient.SendAsync(Client, HttpMethod.Post, "/identity/v3/users", admin, body: new JsonObject
        {
            ["user"] = new JsonObject { ["name"] = name, ["password"] = password },
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var userId = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["user"]!["id"]!.GetValue<string>();
        using var grant = await KeystoneClient.SendAsync(Client, HttpMethod.Put, $"/identity/v3/projects/{await ProjectIdAsync(admin, "demo")}/users/{userId}/roles/{await RoleIdAsync(admin, "member")}", admin);
        grant.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        return userId;
    }

    private async Task<string> ProjectIdAsync(string admin, string name) => await FirstIdAsync(admin, $"/identity/v3/projects?name={name}", "projects");

    private async Task<string> RoleIdAsync(string admin, string name) => await FirstIdAsync(admin, $"/identity/v3/roles?name={name}", "roles");

    private async Task<string> FirstIdAsync(string admin, string url, string collection)
    {
        using var response = await KeystoneClient.SendAsync(Client, HttpMethod.Get, url, admin);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())![collection]![0]!["id"]!.GetValue<string>();
    }
}
