using System.Security.Cryptography;
using System.Text.Json;
using FuncCloud.Testing;
using Shouldly;
using Xunit;

namespace FuncCloud.Functions.Tests.Image;

/// <summary>The shared host of the image CLI tests.</summary>
public sealed class ImageCliFixture : ImageHostFixture;

/// <summary>The real <c>openstack image ...</c> commands against a bootstrapped LocalHost.</summary>
public sealed class ImageCliTests(ImageCliFixture host) : IClassFixture<ImageCliFixture>
{
    private Task<CliResult> AdminAsync(params string[] args) => OpenStackCli.RunAsync(host.AdminEnvironment, args);

    private Task<CliResult> DemoAsync(params string[] args) => OpenStackCli.RunAsync(host.DemoEnvironment, args);

    private static async Task<JsonElement> JsonAsync(Task<CliResult> run)
    {
        var result = await run;
        result.ExitCode.ShouldBe(0, result.ToString());
        return result.Json;
    }

    private static async Task OkAsync(Task<CliResult> run)
    {
        var result = await run;
        result.ExitCode.ShouldBe(0, result.ToString());
    }

    private static string TempFile(int size, int seed)
    {
        var path = Path.Combine(Path.GetTempPath(), $"funccloud-image-{Guid.NewGuid():N}");
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    // An honest qcow2 (a real v3 header, then arbitrary clusters): Glance refuses qcow2 declared over other bytes.
    private static string TempQcow2File(int size, int seed)
    {
        var path = TempFile(size, seed);
        using var file = File.OpenWrite(path);
        file.Write(Qcow2Image.Create(Qcow2Image.OneGiB, tail: 0));
        return path;
    }

    [Fact]
    public async Task ImageLifecycle_CreateListShowSetSaveDelete_RoundTripsBytes()
    {
        var file = TempQcow2File((5 * 1024 * 1024) + 123, 1);
        var output = file + ".out";
        try
        {
            var created = await JsonAsync(AdminAsync("image", "create", "--file", file, "--disk-format", "qcow2", "--container-format", "bare", "img1", "-f", "json"));
            var id = created.GetProperty("id").GetString()!;

            var list = await JsonAsync(AdminAsync("image", "list", "-f", "json"));
            list.EnumerateArray().ShouldContain(i => i.GetProperty("ID").GetString() == id && i.GetProperty("Status").GetString() == "active");

            var shown = await JsonAsync(AdminAsync("image", "show", "img1", "-f", "json"));
            shown.GetProperty("id").GetString().ShouldBe(id);
            shown.GetProperty("status").GetString().ShouldBe("active");
            shown.GetProperty("disk_format").GetString().ShouldBe("qcow2");
            shown.GetProperty("size").GetInt64().ShouldBe(new FileInfo(file).Length);
            var virtualSize = await JsonAsync(AdminAsync("image", "show", "-c", "virtual_size", id, "-f", "json"));
            virtualSize.GetProperty("virtual_size").GetInt64().ShouldBe(Qcow2Image.OneGiB);
            shown.GetProperty("checksum").GetString().ShouldBe(Convert.ToHexStringLower(MD5.HashData(File.ReadAllBytes(file))));

            await OkAsync(AdminAsync("image", "set", "--property", "hw_disk_bus=virtio", "--property", "k=v", id));
            var updated = await JsonAsync(AdminAsync("image", "show", id, "-f", "json"));
            updated.GetProperty("properties").GetProperty("k").GetString().ShouldBe("v");
            updated.GetProperty("properties").GetProperty("hw_disk_bus").GetString().ShouldBe("virtio");

            await OkAsync(AdminAsync("image", "save", "--file", output, id));
            File.ReadAllBytes(output).SequenceEqual(File.ReadAllBytes(file)).ShouldBeTrue();

            await OkAsync(AdminAsync("image", "delete", id));
            (await AdminAsync("image", "show", id)).ExitCode.ShouldNotBe(0);
        }
        finally
        {
            File.Delete(file);
            File.Delete(output);
        }
    }

    [Fact]
    public async Task ImageCreate_Qcow2DeclaredOverOtherBytes_FailsWithGlanceMessage()
    {
        var file = TempFile(8192, 4);
        try
        {
            var create = await AdminAsync("image", "create", "--file", file, "--disk-format", "qcow2", "--container-format", "bare", "not-qcow2", "-f", "json");
            create.ExitCode.ShouldNotBe(0);
            (create.StandardError + create.StandardOutput).ShouldContain("does not match disk_format qcow2");
            // openstacksdk deletes the image it created when the upload fails (the API test checks it is left queued).
            (await JsonAsync(AdminAsync("image", "list", "-f", "json"))).EnumerateArray()
                .ShouldNotContain(i => i.GetProperty("Name").GetString() == "not-qcow2" && i.GetProperty("Status").GetString() == "active");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task ImageSharing_AddProjectAccept_MemberListsImage()
    {
        var file = TempFile(4096, 2);
        try
        {
            var created = await JsonAsync(AdminAsync("image", "create", "--file", file, "--disk-format", "raw", "--container-format", "bare", "--shared", "shared-img", "-f", "json"));
            var id = created.GetProperty("id").GetString()!;
            (await JsonAsync(DemoAsync("image", "list", "-f", "json"))).EnumerateArray().ShouldNotContain(i => i.GetProperty("ID").GetString() == id);

            await OkAsync(AdminAsync("image", "add", "project", id, "demo"));
            var members = await JsonAsync(AdminAsync("image", "member", "list", id, "-f", "json"));
            var member = members.EnumerateArray().Single();
            member.GetProperty("Status").GetString().ShouldBe("pending");

            await OkAsync(DemoAsync("image", "set", "--accept", id));
            var accepted = await JsonAsync(AdminAsync("image", "member", "list", id, "-f", "json"));
            accepted.EnumerateArray().Single().GetProperty("Status").GetString().ShouldBe("accepted");
            (await JsonAsync(DemoAsync("image", "list", "-f", "json"))).EnumerateArray().ShouldContain(i => i.GetProperty("ID").GetString() == id);

            await OkAsync(AdminAsync("image", "remove", "project", id, "demo"));
            (await DemoAsync("image", "show", id)).ExitCode.ShouldNotBe(0);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task PrivateImage_OtherProject_IsInvisible()
    {
        var file = TempFile(1000, 3);
        try
        {
            var created = await JsonAsync(AdminAsync("image", "create", "--file", file, "--disk-format", "raw", "--container-format", "bare", "--private", "admin-private", "-f", "json"));
            var id = created.GetProperty("id").GetString()!;

            var show = await DemoAsync("image", "show", id);
            show.ExitCode.ShouldNotBe(0);
            (show.StandardError + show.StandardOutput).ShouldContain("No Image found", Case.Insensitive);
            (await JsonAsync(DemoAsync("image", "list", "-f", "json"))).EnumerateArray().ShouldNotContain(i => i.GetProperty("ID").GetString() == id);
            (await DemoAsync("image", "delete", id)).ExitCode.ShouldNotBe(0);
            (await JsonAsync(AdminAsync("image", "show", id, "-f", "json"))).GetProperty("status").GetString().ShouldBe("active");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task DefaultImage_AtStart_IsPublicAndActive()
    {
        var list = await JsonAsync(DemoAsync("image", "list", "--public", "-f", "json"));
        list.EnumerateArray().ShouldContain(i => i.GetProperty("Name").GetString() == "funccloud-test-image" && i.GetProperty("Status").GetString() == "active");
    }
}
