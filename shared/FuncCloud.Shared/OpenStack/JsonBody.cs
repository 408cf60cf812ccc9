using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using FuncCloud.Shared.OpenStack.Errors;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Shared.OpenStack;

/// <summary>
/// The one place a JSON request body is parsed. It is read whole (bounded like oslo.middleware's
/// sizelimit), checked to be UTF-8, parsed with duplicate keys rejected and a depth limit, and every
/// string and key is decoded once, so whatever a function does with the tree afterwards cannot throw:
/// malformed input is a 400 naming the problem here, before anything is written.
/// </summary>
public static partial class JsonBody
{
    /// <summary>oslo.middleware's <c>max_request_body_size</c> default (nova, keystone, glance): 112 KiB.</summary>
    public const int MaxBytes = 114688;

    /// <summary>Nesting deeper than any OpenStack body needs is refused rather than recursed into.</summary>
    public const int MaxDepth = 32;

    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowDuplicateProperties = false, MaxDepth = MaxDepth };

    private static readonly ConditionalWeakTable<JsonSerializerOptions, JsonSerializerOptions> StrictOptions = [];

    /// <summary>Reads and parses the body of <paramref name="request"/>.</summary>
    /// <exception cref="BadRequestException">Empty, not UTF-8, not JSON, a duplicate key, too deep, or a bad escape.</exception>
    /// <exception cref="RequestTooLargeException">Longer than <see cref="MaxBytes"/>.</exception>
    public static async Task<JsonNode> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            throw new RequestTooLargeException();
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16384];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw new RequestTooLargeException();
            }

            buffer.Write(chunk, 0, read);
        }

        return Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    /// <summary>Parses <paramref name="utf8"/> with the rules above.</summary>
    /// <exception cref="BadRequestException">The bytes are not one well-formed JSON value.</exception>
    public static JsonNode Parse(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            throw new BadRequestException("The request body is empty; a JSON document is required.");
        }

        if (!Utf8.IsValid(utf8))
        {
            throw new BadRequestException("Malformed request body: the body is not valid UTF-8.");
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(utf8, documentOptions: DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new BadRequestException($"Malformed request body: {Describe(e)}", e);
        }

        if (node is null)
        {
            throw new BadRequestException("Malformed request body: the body is JSON null.");
        }

        try
        {
            Decode(node);
        }
        catch (InvalidOperationException e)
        {
            // A \\uD800-style escape that is not a whole UTF-16 character: it cannot become a .NET string.
            throw new BadRequestException("Malformed request body: a string contains an invalid Unicode escape.", e);
        }

        return node;
    }

    /// <summary>
    /// <paramref name="options"/> with the contract enforced on read: a non-nullable member that is missing
    /// or null is an error (not a null the service trips over later).
    /// </summary>
    public static JsonSerializerOptions Strict(JsonSerializerOptions options) =>
        StrictOptions.GetValue(options, o => new JsonSerializerOptions(o)
        {
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            AllowDuplicateProperties = false,
        });

    /// <summary>A <see cref="JsonException"/>'s message without .NET type names (they mean nothing to a client).</summary>
    public static string Describe(JsonException e)
    {
        var message = TypeName().Replace(e.Message, string.Empty);
        return e.Path is { Length: > 0 } path && !message.Contains(path, StringComparison.Ordinal) ? $"{message} (at {path})" : message;
    }

    private static void Decode(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, child) in o)
                {
                    if (child is not null)
                    {
                        Decode(child);
                    }
                }

                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    if (child is not null)
                    {
                        Decode(child);
                    }
                }

                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                _ = v.GetValue<string>();
                break;
        }
    }

    [GeneratedRegex(@" ?(?:for type |to |of type )?'?(?:System|FuncCloud|Microsoft)\.[\w.`+\[\], ]+'?", RegexOptions.CultureInvariant)]
    private static partial Regex TypeName();
}
