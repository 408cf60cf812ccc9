using FuncCloud.Testing;
using Shouldly;
using Xunit;

namespace FuncCloud.Functions.Tests.Compute.Keypairs;

/// <summary><c>openstack keypair ...</c> against the LocalHost.</summary>
public sealed class KeypairCliTests(ComputeCliFixture host) : IClassFixture<ComputeCliFixture>
{
    [Fact]
    public async Task KeypairCreate_Generated_PrintsPrivateKeyOnce()
    {
        var result = await host.AdminAsync("keypair", "create", "k1");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.StandardOutput.ShouldContain("PRIVATE KEY-----");
        var shown = await host.AdminAsync("keypair", "show", "k1", "-f", "json").JsonAsync();
        shown.GetProperty("fingerprint").GetString()!.Split(':').Length.ShouldBe(16);
        shown.GetProperty("type").GetString().ShouldBe("ssh");
        shown.ToString().ShouldNotContain("PRIVATE KEY");
    }

    [Fact]
    public async Task KeypairCreate_PublicKeyFile_ImportsWithNovaFingerprint()
    {
        var generated = FuncCloud.Shared.Compute.Keypairs.KeypairCrypto.GenerateSsh();
        var path = Path.Combine(Path.GetTempPath(), $"fc-{Guid.NewGuid():N}.pub");
        await File.WriteAllTextAsync(path, generated.PublicKey.Replace("Generated-by-Nova", "me@host") + "\n");
        try
        {
            var created = await host.AdminAsync("keypair", "create", "--public-key", path, "imported", "-f", "json").JsonAsync();
            created.GetProperty("fingerprint").GetString().ShouldBe(generated.Fingerprint);
        }
        finally
        {
            File.Delete(path);
        }

        var list = await host.AdminAsync("keypair", "list", "-f", "json").JsonAsync();
        list.EnumerateArray().Select(k => k.GetProperty("Name").GetString()).ShouldContain("imported");

        (await host.AdminAsync("keypair", "delete", "imported")).ExitCode.ShouldBe(0);
        var after = await host.AdminAsync("keypair", "list", "-f", "json").JsonAsync();
        after.EnumerateArray().Select(k => k.GetProperty("Name").GetString()).ShouldNotContain("imported");
    }

    [Fact]
    public async Task KeypairCreate_GarbagePublicKey_Returns400()
    {
        var path = Path.Combine(Path.GetTempPath(), $"fc-{Guid.NewGuid():N}.pub");
        await File.WriteAllTextAsync(path, "ssh-rsa not-base64!! x\n");
        try
        {
            var result = await host.AdminAsync("keypair", "create", "--public-key", path, "bad");
            result.ExitCode.ShouldNotBe(0);
            result.StandardError.ShouldContain("Keypair data is invalid");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Keypairs_ArePerUser()
    {
        (await host.DemoAsync("keypair", "create", "demo-key")).ExitCode.ShouldBe(0);

        var adminKeys = await host.AdminAsync("keypair", "list", "-f", "json").JsonAsync();
        adminKeys.EnumerateArray().Select(k => k.GetProperty("Name").GetString()).ShouldNotContain("demo-key");
        var demoKeys = await host.DemoAsync("keypair", "list", "-f", "json").JsonAsync();
        demoKeys.EnumerateArray().Select(k => k.GetProperty("Name").GetString()).ShouldContain("demo-key");
    }
}
