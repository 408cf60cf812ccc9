using System.Text;
using FuncCloud.LocalHost.Queues;
using Shouldly;
using Xunit;

namespace FuncCloud.LocalHost.Tests.Queues;

public sealed class QueueMessagePayloadTests
{
    [Fact]
    public void Decode_Base64Text_Decoded()
    {
        var payload = QueueMessagePayload.Decode(Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"a\":1}")), base64: true);

        payload.Text.ShouldBe("{\"a\":1}");
    }

    [Theory]
    [InlineData("{\"a\":1}")]
    [InlineData("hello world")]
    [InlineData("test")]
    public void Decode_RawTextWithBase64On_TakenAsIs(string raw)
    {
        // "test" is valid base64, but its bytes are not UTF-8: the text form stays the raw text.
        QueueMessagePayload.Decode(raw, base64: true).Text.ShouldBe(raw);
    }

    [Fact]
    public void Decode_EncodingNone_NeverDecodes()
    {
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes("hi"));

        QueueMessagePayload.Decode(encoded, base64: false).Text.ShouldBe(encoded);
    }

    [Fact]
    public void Decode_BinaryBase64_BytesDecoded()
    {
        byte[] data = [0xFF, 0x00, 0x81];

        QueueMessagePayload.Decode(Convert.ToBase64String(data), base64: true).Bytes.ToArray().ShouldBe(data);
    }
}
