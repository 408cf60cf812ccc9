using System.Net;
using FuncCloud.Testing;
using Shouldly;
using Xunit;

namespace FuncCloud.Functions.Tests.Identity;

/// <summary>Identity with keystone's lockout on: 3 failed passwords lock the account for 10 minutes.</summary>
public sealed class LockoutHostFixture : IdentityHostFixture
{
    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["FuncCloud:Identity:LockoutFailureAttempts"] = "3";
            settings["FuncCloud:Identity:LockoutDuration"] = "00:10:00";
            return settings;
        }
    }
}

public sealed class LockoutTests(LockoutHostFixture host) : IClassFixture<LockoutHostFixture>
{
    [Fact]
    public async Task IssueToken_AfterThreeFailures_LockedEvenWithRightPassword()
    {
        for (var i = 0; i < 3; i++)
        {
            using var wrong = await KeystoneClient.IssueAsync(host.Client, KeystoneClient.PasswordAuth("demo", "wrong-password", "demo"));
            wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        using var locked = await KeystoneClient.IssueAsync(host.Client, KeystoneClient.PasswordAuth("demo", IdentityHostFixture.DemoPassword, "demo"));

        locked.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await locked.Content.ReadAsStringAsync()).ShouldContain("locked");
        (await KeystoneClient.TokenAsync(host.Client, "admin", IdentityHostFixture.AdminPassword, "admin")).ShouldNotBeNullOrEmpty("other users are not locked");
    }
}
