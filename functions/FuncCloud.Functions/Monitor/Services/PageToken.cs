using System.Buffers.Text;
using System.Text.Json;
using FuncCloud.Shared.OpenStack.Errors;

namespace FuncCloud.Functions.Monitor.Services;

/// <summary>
/// The list's continuation: the storage token of the page being read, how many of its rows were already
/// returned and the page size it was read with (so a page can be read large and returned in parts), or,
/// for sorted lists, an offset.
/// </summary>
/// <param name="Storage">The storage continuation the current storage page was read from.</param>
/// <param name="Skip">Rows of that storage page already returned.</param>
/// <param name="PageSize">The size the storage page was read with.</param>
/// <param name="Offset">For sorted lists: rows already returned.</param>
public sealed record PageToken(string? Storage, int Skip, int PageSize, int Offset)
{
    /// <summary>Encodes the token (URL-safe).</summary>
    public string Encode() => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(this));

    /// <summary>Decodes a token from <see cref="Encode"/>.</summary>
    /// <exception cref="BadRequestException">Not a token of this API.</exception>
    public static PageToken? Decode(string? text)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<PageToken>(Base64Url.DecodeFromChars(text)) ?? throw new BadRequestException("Invalid continuation.");
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            throw new BadRequestException("Invalid continuation.", e);
        }
    }
}
