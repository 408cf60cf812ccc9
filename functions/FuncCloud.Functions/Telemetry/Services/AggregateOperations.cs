using System.Text.Json.Nodes;
using FuncCloud.Functions.Telemetry.Api;

namespace FuncCloud.Functions.Telemetry.Services;

/// <summary>
/// Gnocchi's aggregates operations: the S-expression string (<c>(aggregate mean (metric cpu mean))</c>) or
/// the JSON list it stands for. Supported: <c>metric</c> references (one, or a list of (name aggregation)
/// pairs) and <c>aggregate</c> across them.
/// </summary>
public static class AggregateOperations
{
    /// <summary>The operations as a JSON list.</summary>
    /// <exception cref="GnocchiCauseException">Malformed.</exception>
    public static JsonArray Parse(JsonNode? operations) => operations switch
    {
        JsonArray list => list,
        JsonValue v when v.TryGetValue<string>(out var s) => ParseString(s),
        _ => throw Invalid("operations must be a string or a list"),
    };

    /// <summary>The invalid-operations error, as gnocchi words it.</summary>
    public static GnocchiCauseException Invalid(string reason) =>
        new("Argument value error", new JsonArray("operations"), $"Invalid operations: {reason}");

    private static JsonArray ParseString(string text)
    {
        var position = 0;
        var result = Expression(text, ref position);
        Skip(text, ref position);
        return result is JsonArray list && position == text.Length ? list : throw Invalid("expected one parenthesised expression");
    }

    private static JsonNode Expression(string text, ref int position)
    {
        Skip(text, ref position);
        if (position >= text.Length)
        {
            throw Invalid("unexpected end");
        }

        if (text[position] == '(')
        {
            position++;
            var list = new JsonArray();
            while (true)
            {
                Skip(text, ref position);
                if (position >= text.Length)
                {
                    throw Invalid("missing ')'");
                }

                if (text[position] == ')')
                {
                    position++;
                    return list;
                }

                list.Add(Expression(text, ref position));
            }
        }

        if (text[position] == ')')
        {
            throw Invalid("unexpected ')'");
        }

        var start = position;
        while (position < text.Length && !char.IsWhiteSpace(text[position]) && text[position] is not ('(' or ')'))
        {
            position++;
        }

        return JsonValue.Create(text[start..position].Trim('"', '\''))!;
    }

    private static void Skip(string text, ref int position)
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }
    }
}
