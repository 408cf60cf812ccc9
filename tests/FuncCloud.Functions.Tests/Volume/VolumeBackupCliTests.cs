using System.Text.Json;
using FuncCloud.Functions.Tests.Compute.Servers;
using FuncCloud.Shared.Volume.Backups;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static FuncCloud.Functions.Tests.Volume.VolumeCli;

namespace FuncCloud.Functions.Tests.Volume;

/// <summary>
/// Volume backups through Debian's <c>openstack</c> CLI and the wire: the storage node streams the volume into
/// blobs of the <c>volume-backups</c> container and back into a new or an existing volume.
/// </summary>
public sealed class VolumeBackupCliTests(VolumeHostFixture host) : IClassFixture<VolumeHostFixture>
{
    private VolumeBackupStore Store => host.Services.GetRequiredService<VolumeBackupStore>();

    [Fact]
    public async Task Backup_CreateListShowRestoreDelete_ThroughTheCli()
    {
        var demo = host.DemoEnvironment;
        await JsonAsync(demo, "volume", "create", "--size", "1", "bk-v1");
        await WaitStatusAsync(demo, ["volume", "show", "bk-v1"], "available");

        var created = await JsonAsync(demo, "volume", "backup", "create", "--name", "bk-b1", "--description", "first", "bk-v1");
        var id = created.GetProperty("id").GetString()!;
        created.GetProperty("name").GetString().ShouldBe("bk-b1");
        var backup = await WaitStatusAsync(demo, ["volume", "backup", "show", "bk-b1"], "available", "error");
        backup.GetProperty("status").GetString().ShouldBe("available", backup.ToString());
        backup.GetProperty("size").GetInt32().ShouldBe(1);
        backup.GetProperty("container").GetString().ShouldBe("volume-backups");
        backup.GetProperty("volume_id").GetString().ShouldBe((await JsonAsync(demo, "volume", "show", "bk-v1")).GetProperty("id").GetString());
        backup.GetProperty("is_incremental").GetBoolean().ShouldBeFalse();

        // The Fake driver's 1 GB volume has one non-zero chunk: one chunk blob and the manifest, nothing for the zeros.
        backup.GetProperty("object_count").GetInt32().ShouldBe(2);
        var blobs = await Store.ListAsync($"volume-backups/{id}/", CancellationToken.None);
        blobs.Count.ShouldBe(2);
        blobs.ShouldContain($"volume-backups/{id}/manifest");
        (await Store.ManifestAsync($"volume-backups/{id}/", CancellationToken.None)).SizeBytes.ShouldBe(1L << 30);
        (await WaitStatusAsync(demo, ["volume", "show", "bk-v1"], "available")).GetProperty("status").GetString().ShouldBe("available");

        var list = await JsonAsync(demo, "volume", "backup", "list");
        list.EnumerateArray().ShouldContain(b => b.GetProperty("ID").GetString() == id && b.GetProperty("Status").GetString() == "available");
        (await JsonAsync(demo, "volume", "backup", "list", "--volume", "bk-v1")).GetArrayLength().ShouldBe(1);

        // Restore to a new volume (named) and onto an existing, bigger one (--force, as the CLI requires).
        await RestoreAsync(demo, "bk-b1", "bk-restored");
        var restored = await WaitStatusAsync(demo, ["volume", "show", "bk-restored"], "available", "error", "error_restoring");
        restored.GetProperty("status").GetString().ShouldBe("available");
        restored.GetProperty("size").GetInt32().ShouldBe(1);
        await WaitStatusAsync(demo, ["volume", "backup", "show", "bk-b1"], "available");

        await JsonAsync(demo, "volume", "create", "--size", "2", "bk-v2");
        await WaitStatusAsync(demo, ["volume", "show", "bk-v2"], "available");
        await RestoreAsync(demo, "--force", "bk-b1", "bk-v2");
        await Poll.UntilAsync(async () =>
            (await JsonAsync(demo, "volume", "show", "bk-v2")).GetProperty("status").GetString() == "available"
            && (await JsonAsync(demo, "volume", "backup", "show", "bk-b1")).GetProperty("status").GetString() == "available",
            "the restore onto bk-v2", TimeSpan.FromMinutes(2));

        (await RunAsync(demo, "volume", "backup", "delete", "bk-b1")).ExitCode.ShouldBe(0);
        await Poll.UntilAsync(async () => (await RunAsync(demo, "volume", "backup", "show", id)).ExitCode != 0, "the backup to go", TimeSpan.FromMinutes(2));
        (await Store.ListAsync($"volume-backups/{id}/", CancellationToken.None)).ShouldBeEmpty();
        foreach (var name in new[] { "bk-v1", "bk-v2", "bk-restored" })
        {
            (await RunAsync(demo, "volume", "delete", name)).ExitCode.ShouldBe(0);
        }
    }

    [Fact]
    public async Task Backup_Wire_KeysPerMicroversionStatesAndRefusals()
    {
        var (token, project) = await host.LoginAsync("admin", VolumeHostFixture.AdminPassword, "admin");
        var volumeId = await CreateVolumeAsync(token, project, "bk-wire");

        var incremental = await host.VolumeAsync(HttpMethod.Post, $"/v3/{project}/backups", token, $$$"""{"backup": {"volume_id": "{{{volumeId}}}", "incremental": true}}""");
        incremental.Status.ShouldBe(400);
        incremental.Body.GetProperty("badRequest").GetProperty("message").GetString()!.ShouldContain("Incremental backups are not supported");

        var missing = await host.VolumeAsync(HttpMethod.Post, $"/v3/{project}/backups", token, """{"backup": {"volume_id": "00000000-0000-0000-0000-0000000000b1"}}""");
        missing.Status.ShouldBe(404);

        // In use (state-only os-attach): refused without force, backed up with it, and back to in-use after.
        (await host.VolumeAsync(HttpMethod.Post, $"/v3/{project}/volumes/{volumeId}/action", token,
            """{"os-attach": {"instance_uuid": "5b1f3a7e-0000-4000-8000-00000000bk01", "mountpoint": "/dev/vdb"}}""")).Status.ShouldBe(202);
        var inUse = await host.VolumeAsync(HttpMethod.Post, $"/v3/{project}/backups", token, $$$"""{"backup": {"volume_id": "{{{volumeId}}}"}}""");
        inUse.Status.ShouldBe(400);
        inUse.Body.GetProperty("badRequest").GetProperty("message").GetString().ShouldBe("Invalid volume: Backing up an in-use volume must use the force flag.");

        var forced = await host.VolumeAsync(HttpMethod.Post, $"/v3/{project}/backups", token,
            "{\"backup\": {\"volume_id\": \"" + volumeId + "\", \"force\": true, \"name\": \"bk-forced\", \"metadata\": {\"k\": \"v\"}}}", "3.64");
        forced.Status.ShouldBe(202, forced.Body.ToString());
        var summary = forced.Body.GetProperty("backup");
        summary.EnumerateObject().Select(p => p.Name).Order().ShouldBe(["id", "links", "name"]);
        var backupId = summary.GetProperty("id").GetString()!;
        (await VolumeStatusAsync(token, project, volumeId)).ShouldBe("backing-up");
        var shown = await WaitBackupAsync(token, project, backupId, "3.64");
        shown.GetProperty("status").GetString().ShouldBe("available");
        await Poll.UntilAsync(async () => await VolumeStatusAsync(token, project, volumeId) == "in-use", "the volume back to in-use", TimeSpan.FromMinutes(2));
        shown.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ShouldBe(
        [
            "availability_zone", "container", "created_at", "data_timestamp", "description", "encryption_key_id", "fail_reason",
            "has_dependent_backups", "id", "is_incremental", "links", "metadata", "name", "object_count",
            "os-backup-project-attr:project_id", "size", "snapshot_id", "status", "updated_at", "user_id", "volume_id",
        ]);
        shown.GetProperty("metadata").GetProperty("k").GetString().ShouldBe("v");
        shown.GetProperty("os-backup-project-attr:project_id").GetString().ShouldBe(project);

        var old = await host.VolumeAsync(HttpMethod.Get, $"/v3/{project}/backups/{backupId}", token);
        old.Body.GetProperty("backup").EnumerateObject().Select(p => p.Name).ShouldNotContain("metadata");
        old.Body.GetProperty("backup").EnumerateObject().Select(p => p.Name).ShouldNotContain("os-backup-project-attr:project_id");

        var updated = await host.VolumeAsync(HttpMethod.Put, $"/v3/{project}/backups/{backupId}", token, """{"backup": {"name": "bk-renamed"}}""", "3.9");
        updated.Status.ShouldBe(200, updated.Body.ToString());
        updated.Body.GetProperty("backup").GetProperty("name").GetString().ShouldBe("bk-renamed");

        var counted = await host.VolumeAsync(HttpMethod.Get, $"/v3/{project}/backups/detail?with_count=true&limit=1&name=bk-renamed", token, null, "3.45");
        counted.Body.GetProperty("count").GetInt32().ShouldBe(1);

        // A restore onto an in-use volume, or a too-small one, is refused with cinder's reasons.
        var busy = await host.VolumeAsync(HttpMethod.Post, $"/v3/{project}/backups/{backupId}/restore", token, $$$"""{"restore": {"volume_id": "{{{volumeId}}}"}}""");
        busy.Status.ShouldBe(400);
        busy.Body.GetProperty("badRequest").GetProperty("message").GetString()!.ShouldContain("must be available");

        (await host.VolumeAsync(HttpMethod.Delete, $"/v3/{project}/backups/{backupId}", token)).Status.ShouldBe(202);
        await Poll.UntilAsync(async () => (await host.VolumeAsync(HttpMethod.Get, $"/v3/{project}/backups/{backupId}", token)).Status == 404, "the backup to go", TimeSpan.FromMinutes(2));
        (await host.VolumeAsync(HttpMethod.Post, $"/v3/{project}/volumes/{volumeId}/action", token, """{"os-detach": {}}""")).Status.ShouldBe(202);
        (await host.VolumeAsync(HttpMethod.Delete, $"/v3/{project}/volumes/{volumeId}", token)).Status.ShouldBe(202);
    }

    [Fact]
    public async Task Backup_OverQuota_413NamingTheQuota()
    {
        var (token, project) = await host.LoginAsync("admin", VolumeHostFixture.AdminPassword, "admin");
        var volumeId = await CreateVolumeAsync(token, project, "bk-quota");
        (await host.VolumeAsync(HttpMethod.Put, $"/v3/{project}/os-quota-sets/{project}", token, """{"quota_set": {"backups": 0}}""")).Status.ShouldBe(200);
        try
        {
            var refused = await RunAsync(host.AdminEnvironment, "volume", "backup", "create", volumeId);
            refused.ExitCode.ShouldNotBe(0);
            refused.StandardError.ShouldContain("HTTP 413");
            refused.StandardError.ShouldContain("Maximum number of backups allowed (0) exceeded for quota 'backups'.");
            (await VolumeStatusAsync(token, project, volumeId)).ShouldBe("available");

            (await host.VolumeAsync(HttpMethod.Put, $"/v3/{project}/os-quota-sets/{project}", token, """{"quota_set": {"backups": 10, "backup_gigabytes": 0}}""")).Status.ShouldBe(200);
            var direct = await host.VolumeAsync(HttpMethod.Post, $"/v3/{project}/backups", token, $$$"""{"backup": {"volume_id": "{{{volumeId}}}"}}""");
            direct.Status.ShouldBe(413);
            direct.Body.GetProperty("overLimit").GetProperty("message").GetString()!.ShouldContain("Backup gigabytes quota");
        }
        finally
        {
            await host.VolumeAsync(HttpMethod.Delete, $"/v3/{project}/os-quota-sets/{project}", token);
        }

        (await host.VolumeAsync(HttpMethod.Delete, $"/v3/{project}/volumes/{volumeId}", token)).Status.ShouldBe(202);
    }

    [Fact]
    public async Task Backup_OtherProject_InvisibleAndNotFound()
    {
        var (adminToken, adminProject) = await host.LoginAsync("admin", VolumeHostFixture.AdminPassword, "admin");
        var volumeId = await CreateVolumeAsync(adminToken, adminProject, "bk-private");
        var created = await host.VolumeAsync(HttpMethod.Post, $"/v3/{adminProject}/backups", adminToken, $$$"""{"backup": {"volume_id": "{{{volumeId}}}", "name": "bk-admin"}}""");
        created.Status.ShouldBe(202, created.Body.ToString());
        var backupId = created.Body.GetProperty("backup").GetProperty("id").GetString()!;
        await WaitBackupAsync(adminToken, adminProject, backupId, null);

        (await JsonAsync(host.DemoEnvironment, "volume", "backup", "list")).EnumerateArray().ShouldNotContain(b => b.GetProperty("ID").GetString() == backupId);
        (await RunAsync(host.DemoEnvironment, "volume", "backup", "show", backupId)).ExitCode.ShouldNotBe(0);
        var (demoToken, demoProject) = await host.LoginAsync("demo", VolumeHostFixture.DemoPassword, "demo");
        var shown = await host.VolumeAsync(HttpMethod.Get, $"/v3/{demoProject}/backups/{backupId}", demoToken);
        shown.Status.ShouldBe(404);
        shown.Body.GetProperty("itemNotFound").GetProperty("message").GetString().ShouldBe($"Backup {backupId} could not be found.");
        (await host.VolumeAsync(HttpMethod.Post, $"/v3/{demoProject}/backups/{backupId}/restore", demoToken, """{"restore": {}}""")).Status.ShouldBe(404);
        (await host.VolumeAsync(HttpMethod.Delete, $"/v3/{demoProject}/backups/{backupId}", demoToken)).Status.ShouldBe(404);
        (await host.VolumeAsync(HttpMethod.Post, $"/v3/{demoProject}/backups", demoToken, $$$"""{"backup": {"volume_id": "{{{volumeId}}}"}}""")).Status.ShouldBe(404);

        (await JsonAsync(host.AdminEnvironment, "volume", "backup", "list", "--all-projects")).EnumerateArray().ShouldContain(b => b.GetProperty("ID").GetString() == backupId);
        (await host.VolumeAsync(HttpMethod.Delete, $"/v3/{adminProject}/backups/{backupId}", adminToken)).Status.ShouldBe(202);
        await Poll.UntilAsync(async () => (await host.VolumeAsync(HttpMethod.Get, $"/v3/{adminProject}/backups/{backupId}", adminToken)).Status == 404, "the backup to go", TimeSpan.FromMinutes(2));
        (await host.VolumeAsync(HttpMethod.Delete, $"/v3/{adminProject}/volumes/{volumeId}", adminToken)).Status.ShouldBe(202);
    }

    // OSC 6.0's restore command sends the request, then fails to print cinderclient's Restore object; the request is what matters.
    private static async Task RestoreAsync(IDictionary<string, string> environment, params string[] args)
    {
        var result = await RunAsync(environment, ["volume", "backup", "restore", .. args]);
        if (result.ExitCode != 0)
        {
            result.StandardError.ShouldNotContain("HTTP ");
        }
    }

    private async Task<string> CreateVolumeAsync(string token, string project, string name)
    {
        var created = await host.VolumeAsync(HttpMethod.Post, $"/v3/{project}/volumes", token, $$$"""{"volume": {"size": 1, "name": "{{{name}}}"}}""");
        created.Status.ShouldBe(202, created.Body.ToString());
        var id = created.Body.GetProperty("volume").GetProperty("id").GetString()!;
        await Poll.UntilAsync(async () => await VolumeStatusAsync(token, project, id) == "available", $"volume {name} to be available", TimeSpan.FromMinutes(2));
        return id;
    }

    private async Task<string?> VolumeStatusAsync(string token, string project, string id) =>
        (await host.VolumeAsync(HttpMethod.Get, $"/v3/{project}/volumes/{id}", token)).Body.GetProperty("volume").GetProperty("status").GetString();

    private async Task<JsonElement> WaitBackupAsync(string token, string project, string id, string? version)
    {
        JsonElement backup = default;
        await Poll.UntilAsync(async () =>
        {
            backup = (await host.VolumeAsync(HttpMethod.Get, $"/v3/{project}/backups/{id}", token, null, version)).Body.GetProperty("backup");
            return backup.GetProperty("status").GetString() is "available" or "error";
        }, $"backup {id} to settle", TimeSpan.FromMinutes(2));
        return backup;
    }
}
