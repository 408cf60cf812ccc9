using System.Net;
using FuncCloud.Testing;
using Shouldly;
using Xunit;

namespace FuncCloud.Functions.Tests.Identity;

/// <summary>Identity with small failed-password limits: 3 per user, 8 per source address, in a 10 minute window.</summary>
public sealed class FailedPasswordLimitHostFixture : IdentityHostFixture
{
    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["FuncCloud:Identity:FailedPasswordLimitPerUser"] = "3";
            settings["FuncCloud:Identity:FailedPasswordLimitPerAddress"] = "8";
            settings["FuncCloud:Identity:FailedPasswordWindow"] = "00:10:00";
            return settings;
        }
    }
}

public sealed class FailedPasswordLimitTests(FailedPasswordLimitHostFixture host) : IClassFixture<FailedPasswordLimitHostFixture>
{
    [Fact]
    public async Task IssueToken_ConcurrentWrongPasswords_LimitedPerUserThenPerAddressWith429AndRetryAfter()
    {
        // 12 concurrent guesses: the limit holds even though none had failed when they all started.
        var guesses = await Task.WhenAll(Enumerable.Range(0, 12).Select(async _ =>
        {
            using var response = await KeystoneClient.IssueAsync(host.Client, KeystoneClient.PasswordAuth("demo", "wrong-password", "demo"));
            return (response.StatusCode, RetryAfter: response.Headers.RetryAfter?.Delta, Body: await response.Content.ReadAsStringAsync());
        }));

        guesses.Count(g => g.StatusCode == HttpStatusCode.Unauthorized).ShouldBe(3);
        var limited = guesses.Where(g => g.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        limited.Count.ShouldBe(9);
        limited.ShouldAllBe(g => g.RetryAfter > TimeSpan.Zero && g.RetryAfter <= TimeSpan.FromMinutes(10));
        limited[0].Body.ShouldContain("\"error\"");
        limited[0].Body.ShouldContain("\"code\":429");

        using (var right = await KeystoneClient.IssueAsync(host.Client, KeystoneClient.PasswordAuth("demo", IdentityHostFixture.DemoPassword, "demo")))
        {
            right.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, "the user's window is used up, even for the right password");
        }

        // Another user from the same address still logs in (a success does not count), until the address's
        // own limit (8 failures) is used up by guesses at names that do not exist.
        (await KeystoneClient.TokenAsync(host.Client, "admin", IdentityHostFixture.AdminPassword, "admin")).ShouldNotBeNullOrEmpty();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await KeystoneClient.IssueAsync(host.Client, KeystoneClient.PasswordAuth($"ghost-{i}", "guess", "demo"));
            statuses.Add(response.StatusCode);
        }

        statuses.ShouldBe([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 5), HttpStatusCode.TooManyRequests]);
        using var admin = await KeystoneClient.IssueAsync(host.Client, KeystoneClient.PasswordAuth("admin", IdentityHostFixture.AdminPassword, "admin"));
        admin.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        admin.Headers.RetryAfter.ShouldNotBeNull();
    }
}
