using System.Text;
using FuncCloud.Shared.Security.Fernet;
using Shouldly;
using Xunit;

namespace FuncCloud.Shared.Tests.Security.Fernet;

public sealed class FernetCipherTests
{
    private static readonly byte[] Payload = Encoding.UTF8.GetBytes("payload");

    [Fact]
    public void TryDecrypt_RoundTrip_ReturnsPayloadAndTimestamp()
    {
        var key = FernetKey.Generate();
        var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        var token = FernetCipher.Encrypt(Payload, key, now);

        FernetCipher.TryDecrypt(token, [key], out var payload, out var timestamp).ShouldBeTrue();
        payload.ShouldBe(Payload);
        timestamp.ShouldBe(now);
        token.ShouldNotContain("=");
    }

    [Fact]
    public void TryDecrypt_TamperedByte_Rejected()
    {
        var key = FernetKey.Generate();
        var bytes = Base64Url.Decode(FernetCipher.Encrypt(Payload, key, DateTimeOffset.UtcNow))!;
        bytes[30] ^= 0x01;

        FernetCipher.TryDecrypt(Base64Url.Encode(bytes, padded: false), [key], out _, out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("gAAAAA")]
    public void TryDecrypt_Garbage_Rejected(string token) =>
        FernetCipher.TryDecrypt(token, [FernetKey.Generate()], out _, out _).ShouldBeFalse();

    [Fact]
    public void TryDecrypt_KeyRotatedToSecondary_StillValid_UnknownKeyRejected()
    {
        var old = FernetKey.Generate();
        var token = FernetCipher.Encrypt(Payload, old, DateTimeOffset.UtcNow);

        FernetCipher.TryDecrypt(token, [FernetKey.Generate(), old], out _, out _).ShouldBeTrue();
        FernetCipher.TryDecrypt(token, [FernetKey.Generate()], out _, out _).ShouldBeFalse();
    }

    [Fact]
    public void Parse_EncodedKey_RoundTrips()
    {
        var key = FernetKey.Generate();
        FernetKey.Parse(key.Encoded).SigningKey.ShouldBe(key.SigningKey);
        Should.Throw<FormatException>(() => FernetKey.Parse("c2hvcnQ="));
    }
}
