using System.Text;

namespace FuncCloud.LocalHost.Queues;

/// <summary>The content of one queue message after decoding, in the forms the trigger can bind.</summary>
/// <param name="RawText">The message text exactly as stored.</param>
/// <param name="Bytes">The decoded bytes (base64-decoded, or the UTF-8 of the raw text).</param>
/// <param name="Text">The message as text: the decoded bytes when they are UTF-8, else the raw text.</param>
public sealed record QueueMessagePayload(string RawText, BinaryData Bytes, string Text)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Decodes <paramref name="rawText"/>. With base64 on, text that is valid base64 is decoded, anything else
    /// (JSON, plain words written by a client with encoding "none") is taken as it is, so both kinds of
    /// producers interoperate. Decoded bytes that are not UTF-8 still bind as bytes, but their text form
    /// falls back to the raw text: a plain word such as "test" happens to be valid base64.
    /// </summary>
    public static QueueMessagePayload Decode(string rawText, bool base64)
    {
        if (base64 && TryDecodeBase64(rawText, out var bytes))
        {
            return new QueueMessagePayload(rawText, BinaryData.FromBytes(bytes), TryUtf8(bytes) ?? rawText);
        }

        return new QueueMessagePayload(rawText, BinaryData.FromString(rawText), rawText);
    }

    private static bool TryDecodeBase64(string text, out byte[] bytes)
    {
        bytes = [];
        // Convert accepts embedded whitespace; encoders never emit it, so text with spaces is raw text.
        if (text.Length == 0 || text.Length % 4 != 0 || text.Any(char.IsWhiteSpace))
        {
            return false;
        }

        var buffer = new byte[text.Length / 4 * 3];
        if (!Convert.TryFromBase64String(text, buffer, out var written))
        {
            return false;
        }

        bytes = buffer[..written];
        return true;
    }

    private static string? TryUtf8(byte[] bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
