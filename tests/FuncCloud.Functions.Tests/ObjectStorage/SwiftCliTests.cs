using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using FuncCloud.Testing;
using Shouldly;
using Xunit;

namespace FuncCloud.Functions.Tests.ObjectStorage;

/// <summary>The shared host of the swift CLI tests.</summary>
public sealed class SwiftCliFixture : ObjectStorageHostFixture;

/// <summary>The real <c>openstack container/object</c> and <c>swift</c> (python3-swiftclient) commands against a LocalHost.</summary>
public sealed class SwiftCliTests(SwiftCliFixture host) : IClassFixture<SwiftCliFixture>
{
    private Task<CliResult> OpenStackAsync(params string[] args) => OpenStackCli.RunAsync(host.AdminEnvironment, args);

    private Task<CliResult> SwiftAsync(string? directory, params string[] args) =>
        SwiftCli.RunAsync(host.SwiftEnvironment("admin", IdentityHostFixture.AdminPassword, "admin"), directory, args);

    private Task<CliResult> DemoSwiftAsync(params string[] args) =>
        SwiftCli.RunAsync(host.SwiftEnvironment("demo", IdentityHostFixture.DemoPassword, "demo"), null, args);

    private static async Task<CliResult> OkAsync(Task<CliResult> run)
    {
        var result = await run;
        result.ExitCode.ShouldBe(0, result.ToString());
        return result;
    }

    private static string TempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), $"funccloud-swift-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    private static string WriteFile(string directory, string name, int size, int seed)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        var path = Path.Combine(directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public async Task OpenStackCli_ContainerAndObjectLifecycle_RoundTripsBytes()
    {
        var directory = TempDirectory();
        try
        {
            var file = WriteFile(directory, "file.bin", 300_000, 1);
            await OkAsync(OpenStackAsync("container", "create", "c1"));
            var created = (await OkAsync(OpenStackAsync("object", "create", "c1", file, "--name", "file.bin", "-f", "json"))).Json;
            created[0].GetProperty("etag").GetString().ShouldBe(Convert.ToHexStringLower(MD5.HashData(File.ReadAllBytes(file))));

            var list = (await OkAsync(OpenStackAsync("object", "list", "c1", "-f", "json"))).Json;
            list.EnumerateArray().Select(o => o.GetProperty("Name").GetString()).ShouldBe(["file.bin"]);

            var shown = (await OkAsync(OpenStackAsync("object", "show", "c1", "file.bin", "-f", "json"))).Json;
            shown.GetProperty("content-length").GetString().ShouldBe("300000");

            var saved = Path.Combine(directory, "saved.bin");
            await OkAsync(OpenStackAsync("object", "save", "--file", saved, "c1", "file.bin"));
            File.ReadAllBytes(saved).ShouldBe(File.ReadAllBytes(file));

            await OkAsync(OpenStackAsync("container", "set", "--property", "k=v", "c1"));
            var container = (await OkAsync(OpenStackAsync("container", "show", "c1", "-f", "json"))).Json;
            container.GetProperty("object_count").ToString().ShouldBe("1");
            container.GetProperty("properties").GetProperty("k").GetString().ShouldBe("v", container.ToString());

            await OkAsync(OpenStackAsync("object", "delete", "c1", "file.bin"));
            (await OkAsync(OpenStackAsync("object", "list", "c1", "-f", "json"))).Json.GetArrayLength().ShouldBe(0);
            await OkAsync(OpenStackAsync("container", "delete", "c1"));
        }
        finally
        {
            Directory.Delete(directory, true);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SwiftUpload_Segmented_DownloadsByteIdentical(bool slo)
    {
        var directory = TempDirectory();
        var container = slo ? "big-slo" : "big-dlo";
        try
        {
            var file = WriteFile(directory, "bigfile", (3 * 1024 * 1024) + 4567, slo ? 2 : 3);
            var upload = new List<string> { "upload", "--segment-size", "1048576" };
            if (slo)
            {
                upload.Add("--use-slo");
            }

            upload.AddRange([container, "bigfile"]);
            await OkAsync(SwiftAsync(directory, [.. upload]));

            var stat = await OkAsync(SwiftAsync(directory, "stat", container, "bigfile"));
            stat.StandardOutput.ShouldContain(slo ? "X-Static-Large-Object" : "Manifest");
            stat.StandardOutput.ShouldContain("Content Length: " + new FileInfo(file).Length);

            var output = Path.Combine(directory, "downloaded");
            await OkAsync(SwiftAsync(directory, "download", container, "bigfile", "-o", output));
            File.ReadAllBytes(output).ShouldBe(File.ReadAllBytes(file));

            var segments = await OkAsync(SwiftAsync(directory, "list", container + "_segments"));
            segments.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(4);

            var listing = await OkAsync(SwiftAsync(directory, "list", "--lh", container));
            listing.StandardOutput.ShouldContain("bigfile");
            // Swift lists an SLO with its segments' total, and a DLO manifest as the 0-byte object it is.
            listing.StandardOutput.ShouldContain(slo ? "3.0M" : "   0 ");

            var account = await OkAsync(SwiftAsync(directory, "stat"));
            account.StandardOutput.ShouldContain("Containers:");

            await OkAsync(SwiftAsync(directory, "delete", container, "bigfile"));
            (await SwiftAsync(directory, "list", container + "_segments")).StandardOutput.Trim().ShouldBeEmpty();
        }
        finally
        {
            Directory.Delete(directory, true);
        }
    }

    [Fact]
    public async Task SwiftTempUrl_WorksUntilExpiry()
    {
        var directory = TempDirectory();
        try
        {
            var file = WriteFile(directory, "file", 5000, 4);
            await OkAsync(SwiftAsync(directory, "upload", "tmp", "file"));
            await OkAsync(SwiftAsync(directory, "post", "-m", "Temp-URL-Key:secret-key"));
            var projectId = await host.ProjectIdAsync(await host.AdminTokenAsync());
            var path = $"/v1/AUTH_{projectId}/tmp/file";

            var signed = (await OkAsync(SwiftAsync(directory, "tempurl", "GET", "60", path, "secret-key"))).StandardOutput.Trim();
            using var anonymous = host.ClientWith(null);
            var bytes = await anonymous.GetByteArrayAsync("/object-store" + signed);
            bytes.ShouldBe(File.ReadAllBytes(file));

            var sha512 = (await OkAsync(SwiftAsync(directory, "tempurl", "--digest", "sha512", "GET", "60", path, "secret-key"))).StandardOutput.Trim();
            (await anonymous.GetByteArrayAsync("/object-store" + sha512)).ShouldBe(File.ReadAllBytes(file));

            var wrongKey = (await OkAsync(SwiftAsync(directory, "tempurl", "GET", "60", path, "other-key"))).StandardOutput.Trim();
            (await anonymous.GetAsync("/object-store" + wrongKey)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

            var shortLived = (await OkAsync(SwiftAsync(directory, "tempurl", "GET", "2", path, "secret-key"))).StandardOutput.Trim();
            (await anonymous.GetAsync("/object-store" + shortLived)).StatusCode.ShouldBe(HttpStatusCode.OK);
            await Task.Delay(TimeSpan.FromSeconds(3.5));
            (await anonymous.GetAsync("/object-store" + shortLived)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }
        finally
        {
            Directory.Delete(directory, true);
        }
    }

    [Fact]
    public async Task SwiftPost_PublicReadAcl_AllowsAnonymousReadAndOtherProjectsOnlyByGrant()
    {
        var directory = TempDirectory();
        try
        {
            var file = WriteFile(directory, "shared", 1234, 5);
            await OkAsync(SwiftAsync(directory, "upload", "acl", "shared"));
            var projectId = await host.ProjectIdAsync(await host.AdminTokenAsync());
            var url = $"/object-store/v1/AUTH_{projectId}/acl/shared";
            using var anonymous = host.ClientWith(null);
            (await anonymous.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

            // Another project's member: no access until the ACL grants it.
            var storageUrl = host.AccountUrl(projectId);
            (await DemoSwiftAsync("--os-storage-url", storageUrl, "list", "acl")).ExitCode.ShouldNotBe(0);
            (await DemoSwiftAsync("--os-storage-url", storageUrl, "download", "acl", "shared", "-o", "-")).ExitCode.ShouldNotBe(0);

            await OkAsync(SwiftAsync(directory, "post", "-r", ".r:*", "acl"));
            (await anonymous.GetByteArrayAsync(url)).ShouldBe(File.ReadAllBytes(file));
            (await anonymous.GetAsync($"/object-store/v1/AUTH_{projectId}/acl")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            (await anonymous.PutAsync(url, new ByteArrayContent([1, 2, 3]))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

            await OkAsync(SwiftAsync(directory, "post", "-r", ".r:*,.rlistings", "acl"));
            (await anonymous.GetStringAsync($"/object-store/v1/AUTH_{projectId}/acl")).ShouldBe("shared\n");

            var demoUpload = Path.Combine(directory, "from-demo");
            File.WriteAllText(demoUpload, "hello");
            (await DemoSwiftAsync("--os-storage-url", storageUrl, "upload", "acl", demoUpload, "--object-name", "from-demo")).ExitCode.ShouldNotBe(0);
            await OkAsync(SwiftAsync(directory, "post", "-w", "demo:*", "acl"));
            await OkAsync(DemoSwiftAsync("--os-storage-url", storageUrl, "upload", "acl", demoUpload, "--object-name", "from-demo"));
            (await OkAsync(SwiftAsync(directory, "list", "acl"))).StandardOutput.ShouldContain("from-demo");
        }
        finally
        {
            Directory.Delete(directory, true);
        }
    }

    [Fact]
    public async Task ReaderRole_ReadsButCannotWrite()
    {
        var directory = TempDirectory();
        try
        {
            WriteFile(directory, "readable", 100, 6);
            await OkAsync(SwiftAsync(directory, "upload", "for-reader", "readable"));
            await OkAsync(OpenStackAsync("user", "create", "--password", "reader-pass", "swift-reader"));
            await OkAsync(OpenStackAsync("role", "add", "--project", "admin", "--user", "swift-reader", "reader"));
            var reader = host.SwiftEnvironment("swift-reader", "reader-pass", "admin");
            (await OkAsync(SwiftCli.RunAsync(reader, directory, "list", "for-reader"))).StandardOutput.ShouldContain("readable");
            await OkAsync(SwiftCli.RunAsync(reader, directory, "download", "for-reader", "readable", "-o", Path.Combine(directory, "copy")));
            (await SwiftCli.RunAsync(reader, directory, "upload", "for-reader", "readable", "--object-name", "mine")).ExitCode.ShouldNotBe(0);
            (await SwiftCli.RunAsync(reader, directory, "delete", "for-reader", "readable")).ExitCode.ShouldNotBe(0);
            (await SwiftCli.RunAsync(reader, directory, "post", "-m", "k:v", "for-reader")).ExitCode.ShouldNotBe(0);
        }
        finally
        {
            Directory.Delete(directory, true);
        }
    }
}
