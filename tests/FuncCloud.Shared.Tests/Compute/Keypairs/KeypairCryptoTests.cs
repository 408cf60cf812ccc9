using System.Security.Cryptography;
using FuncCloud.Shared.Compute.Keypairs;
using FuncCloud.Shared.OpenStack.Errors;
using Shouldly;
using Xunit;

namespace FuncCloud.Shared.Tests.Compute.Keypairs;

public sealed class KeypairCryptoTests
{
    [Fact]
    public void GenerateSsh_FingerprintMatchesImportOfSamePublicKey()
    {
        var generated = KeypairCrypto.GenerateSsh();

        generated.PublicKey.ShouldStartWith("ssh-rsa AAAA");
        KeypairCrypto.SshFingerprint(generated.PublicKey).ShouldBe(generated.Fingerprint);
        using var rsa = RSA.Create();
        rsa.ImportFromPem(generated.PrivateKey);
        rsa.KeySize.ShouldBe(2048);
    }

    [Fact]
    public void SshFingerprint_KnownEd25519Key_IsMd5OfBlob()
    {
        const string key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGd1SDq7YG0V3oF4yC0G9zAqZrY0bQnq5m2R3z4M1Xb0 test";
        var blob = Convert.FromBase64String("AAAAC3NzaC1lZDI1NTE5AAAAIGd1SDq7YG0V3oF4yC0G9zAqZrY0bQnq5m2R3z4M1Xb0");

        KeypairCrypto.SshFingerprint(key).ShouldBe(string.Join(':', MD5.HashData(blob).Select(b => b.ToString("x2"))));
    }

    [Theory]
    [InlineData("ssh-rsa")]
    [InlineData("ssh-rsa !!!")]
    [InlineData("nonsense AAAAC3NzaC1lZDI1NTE5AAAAIGd1SDq7YG0V3oF4yC0G9zAqZrY0bQnq5m2R3z4M1Xb0")]
    [InlineData("ssh-rsa AAAAC3NzaC1lZDI1NTE5AAAAIGd1SDq7YG0V3oF4yC0G9zAqZrY0bQnq5m2R3z4M1Xb0")]
    public void SshFingerprint_Invalid_ThrowsBadRequest(string key) =>
        Should.Throw<BadRequestException>(() => KeypairCrypto.SshFingerprint(key)).Message.ShouldBe("Keypair data is invalid: failed to generate fingerprint");

    [Fact]
    public void GenerateX509_FingerprintIsSha1OfCertificate()
    {
        var generated = KeypairCrypto.GenerateX509("user-1");

        KeypairCrypto.X509Fingerprint(generated.PublicKey).ShouldBe(generated.Fingerprint);
        generated.Fingerprint.Split(':').Length.ShouldBe(20);
    }
}
