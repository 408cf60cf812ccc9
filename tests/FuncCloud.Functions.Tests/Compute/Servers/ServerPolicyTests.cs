using System.Net;
using System.Text.Json;
using FuncCloud.Testing;
using Shouldly;
using Xunit;

namespace FuncCloud.Functions.Tests.Compute.Servers;

/// <summary>A compute host whose demo project also has a reader (created through the identity API by the first test).</summary>
public sealed class ServerPolicyFixture : ComputeHostFixture
{
    public const string ReaderName = "demo-reader";
    public const string ReaderPassword = "reader-pass-for-tests";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _ready;

    public async Task EnsureReaderAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (!_ready)
            {
                foreach (var args in new[]
                {
                    new[] { "user", "create", "--domain", "Default", "--password", ReaderPassword, ReaderName },
                    ["role", "add", "--user", ReaderName, "--project", "demo", "reader"],
                })
                {
                    var result = await OpenStackCli.RunAsync(AdminEnvironment, args);
                    result.ExitCode.ShouldBe(0, result.ToString());
                }

                _ready = true;
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}

/// <summary>Server calls under nova's default rules: readers read, members and admins act, others' servers stay 404.</summary>
public sealed class ServerPolicyTests(ServerPolicyFixture host) : IClassFixture<ServerPolicyFixture>
{
    [Fact]
    public async Task Reader_ListsAndShowsButCannotCreateDeleteOrAct_403InNovasShape()
    {
        var (member, reader) = await LoginAsync();
        var id = await member.BootAsync("read-only-target");
        (await member.WaitSettledAsync(id, TimeSpan.FromSeconds(60))).GetProperty("status").GetString().ShouldBe("ACTIVE");

        using (var list = await reader.SendAsync(HttpMethod.Get, "/compute/v2.1/servers/detail", null))
        {
            list.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await list.Content.ReadAsStringAsync()).ShouldContain(id);
        }

        (await reader.ShowAsync(id)).ShouldNotBeNull();
        using (var events = await reader.SendAsync(HttpMethod.Get, $"/compute/v2.1/servers/{id}/os-instance-actions", null))
        {
            events.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await ForbiddenAsync(reader, HttpMethod.Post, "/compute/v2.1/servers",
            $"{{\"server\": {{\"name\": \"nope\", \"flavorRef\": \"1\", \"imageRef\": \"{ComputeHostFixture.ImageId}\", \"networks\": \"none\"}}}}", "os_compute_api:servers:create");
        await ForbiddenAsync(reader, HttpMethod.Delete, $"/compute/v2.1/servers/{id}", null, "os_compute_api:servers:delete");
        await ForbiddenAsync(reader, HttpMethod.Put, $"/compute/v2.1/servers/{id}", "{\"server\": {\"name\": \"renamed\"}}", "os_compute_api:servers:update");
        await ForbiddenAsync(reader, HttpMethod.Post, $"/compute/v2.1/servers/{id}/action", "{\"reboot\": {\"type\": \"SOFT\"}}", "os_compute_api:servers:reboot");
        await ForbiddenAsync(reader, HttpMethod.Post, $"/compute/v2.1/servers/{id}/action", "{\"os-stop\": null}", "os_compute_api:servers:stop");
        await ForbiddenAsync(reader, HttpMethod.Post, $"/compute/v2.1/servers/{id}/action", "{\"lock\": null}", "os_compute_api:os-lock-server:lock");
        await ForbiddenAsync(reader, HttpMethod.Put, $"/compute/v2.1/servers/{id}/metadata/k", "{\"meta\": {\"k\": \"v\"}}", "os_compute_api:server-metadata:update");

        var after = (await member.ShowAsync(id))!.Value;
        after.GetProperty("status").GetString().ShouldBe("ACTIVE");
        after.GetProperty("name").GetString().ShouldBe("read-only-target");
    }

    [Fact]
    public async Task ReaderAndMember_AnotherProjectsServer_Is404Not403()
    {
        var (member, reader) = await LoginAsync();
        var admin = await ComputeApi.LoginAsync(host, host.AdminEnvironment);
        var id = await admin.BootAsync("admins-own");

        foreach (var caller in new[] { reader, member })
        {
            foreach (var (method, path, body) in new (HttpMethod, string, string?)[]
            {
                (HttpMethod.Get, $"/compute/v2.1/servers/{id}", null),
                (HttpMethod.Delete, $"/compute/v2.1/servers/{id}", null),
                (HttpMethod.Post, $"/compute/v2.1/servers/{id}/action", "{\"reboot\": {\"type\": \"SOFT\"}}"),
            })
            {
                using var response = await caller.SendAsync(method, path, body);
                response.StatusCode.ShouldBe(HttpStatusCode.NotFound, $"{method} {path}");
                (await response.Content.ReadAsStringAsync()).ShouldContain("\"itemNotFound\"");
            }
        }
    }

    [Fact]
    public async Task Member_CanActOnOwnServer_ButNotListAllTenants_AdminCan()
    {
        var (member, _) = await LoginAsync();
        var admin = await ComputeApi.LoginAsync(host, host.AdminEnvironment);
        var id = await member.BootAsync("members-own");
        (await member.WaitSettledAsync(id, TimeSpan.FromSeconds(60))).GetProperty("status").GetString().ShouldBe("ACTIVE");

        using (var reboot = await member.SendAsync(HttpMethod.Post, $"/compute/v2.1/servers/{id}/action", "{\"reboot\": {\"type\": \"SOFT\"}}"))
        {
            reboot.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        }

        await ForbiddenAsync(member, HttpMethod.Get, "/compute/v2.1/servers/detail?all_tenants=1", null, "os_compute_api:servers:detail:get_all_tenants");
        using var all = await admin.SendAsync(HttpMethod.Get, "/compute/v2.1/servers/detail?all_tenants=1", null);
        all.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await all.Content.ReadAsStringAsync()).ShouldContain(id);
    }

    [Fact]
    public async Task Unlock_AdminsLockOnMembersServer_NeedsUnlockOverride()
    {
        var (member, _) = await LoginAsync();
        var admin = await ComputeApi.LoginAsync(host, host.AdminEnvironment);
        var id = await member.BootAsync("admin-locked");
        (await member.WaitSettledAsync(id, TimeSpan.FromSeconds(60))).GetProperty("status").GetString().ShouldBe("ACTIVE");
        using (var locked = await admin.SendAsync(HttpMethod.Post, $"/compute/v2.1/servers/{id}/action", "{\"lock\": null}"))
        {
            locked.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        }

        await ForbiddenAsync(member, HttpMethod.Post, $"/compute/v2.1/servers/{id}/action", "{\"unlock\": null}", "os_compute_api:os-lock-server:unlock:unlock_override");
        using var unlocked = await admin.SendAsync(HttpMethod.Post, $"/compute/v2.1/servers/{id}/action", "{\"unlock\": null}");
        unlocked.StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }

    private async Task<(ComputeApi Member, ComputeApi Reader)> LoginAsync()
    {
        await host.EnsureReaderAsync();
        return (await ComputeApi.LoginAsync(host, host.DemoEnvironment),
            await ComputeApi.LoginAsync(host, host.PasswordEnvironment(ServerPolicyFixture.ReaderName, ServerPolicyFixture.ReaderPassword, "demo")));
    }

    private static async Task ForbiddenAsync(ComputeApi caller, HttpMethod method, string path, string? body, string rule)
    {
        using var response = await caller.SendAsync(method, path, body);
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, $"{method} {path}");
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("forbidden");
        error.GetProperty("code").GetInt32().ShouldBe(403);
        error.GetProperty("message").GetString().ShouldBe($"Policy doesn't allow {rule} to be performed.");
    }
}
