using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FuncCloud.Shared.Automation;

/// <summary>
/// References between the steps of a batch: <c>{"$ref": "net.body.network.id"}</c> anywhere in a body (the value,
/// typed), or <c>${net.body.network.id}</c> inside a path, query, header or body string (the value as text). The
/// first segment names a step; the rest walks that step's result view (<c>status_code</c>, <c>headers</c>,
/// <c>body</c>, <c>resource</c>), array elements by index.
/// </summary>
public static partial class AutomationRefs
{
    /// <summary>The key of a reference object.</summary>
    public const string RefKey = "$ref";

    /// <summary>The steps <paramref name="path"/>, <paramref name="query"/>, <paramref name="headers"/> and <paramref name="body"/> refer to.</summary>
    public static IReadOnlyList<string> Find(string path, IReadOnlyDictionary<string, string>? query, IReadOnlyDictionary<string, string>? headers, JsonNode? body)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var text in new[] { path }.Concat(query?.Values ?? []).Concat(headers?.Values ?? []))
        {
            AddFromText(text, names);
        }

        AddFromNode(body, names);
        return [.. names];
    }

    /// <summary>The step with every reference replaced by the value in <paramref name="results"/> (step name → result view).</summary>
    /// <exception cref="InvalidOperationException">A reference names nothing in the referred step's result.</exception>
    public static AutomationStep Resolve(AutomationStep step, IReadOnlyDictionary<string, JsonObject> results) => step.DependsOn.Count == 0
        ? step
        : step with
        {
            Path = Interpolate(step.Path, results),
            Query = step.Query?.ToDictionary(p => p.Key, p => Interpolate(p.Value, results)),
            Headers = step.Headers?.ToDictionary(p => p.Key, p => Interpolate(p.Value, results)),
            Body = ResolveNode(step.Body, results),
        };

    private static void AddFromText(string text, ISet<string> names)
    {
        foreach (Match match in Placeholder().Matches(text))
        {
            names.Add(StepOf(match.Groups[1].Value));
        }
    }

    private static void AddFromNode(JsonNode? node, ISet<string> names)
    {
        switch (node)
        {
            case JsonObject obj when IsRef(obj, out var reference):
                names.Add(StepOf(reference));
                break;
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    AddFromNode(child, names);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    AddFromNode(child, names);
                }

                break;
            case JsonValue value when value.TryGetValue<string>(out var text):
                AddFromText(text, names);
                break;
        }
    }

    private static JsonNode? ResolveNode(JsonNode? node, IReadOnlyDictionary<string, JsonObject> results) => node switch
    {
        JsonObject obj when IsRef(obj, out var reference) => Lookup(reference, results)?.DeepClone(),
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, ResolveNode(p.Value, results)))),
        JsonArray array => new JsonArray([.. array.Select(child => ResolveNode(child, results))]),
        JsonValue value when value.TryGetValue<string>(out var text) => JsonValue.Create(Interpolate(text, results)),
        _ => node?.DeepClone(),
    };

    private static string Interpolate(string text, IReadOnlyDictionary<string, JsonObject> results) =>
        Placeholder().Replace(text, match => Lookup(match.Groups[1].Value, results) switch
        {
            JsonValue value when value.TryGetValue<string>(out var s) => s,
            { } other => other.ToJsonString(),
            null => string.Empty,
        });

    private static JsonNode? Lookup(string reference, IReadOnlyDictionary<string, JsonObject> results)
    {
        var segments = reference.Split('.');
        if (!results.TryGetValue(segments[0], out var root))
        {
            throw new InvalidOperationException($"'{reference}' refers to step '{segments[0]}', which has no result.");
        }

        JsonNode? current = root;
        var walked = new StringBuilder(segments[0]);
        foreach (var segment in segments.Skip(1))
        {
            current = current switch
            {
                JsonObject obj => obj.FirstOrDefault(p => string.Equals(p.Key, segment, StringComparison.OrdinalIgnoreCase)).Value,
                JsonArray array when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < array.Count => array[index],
                _ => null,
            };
            walked.Append('.').Append(segment);
            if (current is null)
            {
                throw new InvalidOperationException($"'{reference}': the result of step '{segments[0]}' has nothing at '{walked}'.");
            }
        }

        return current;
    }

    private static bool IsRef(JsonObject obj, out string reference)
    {
        reference = string.Empty;
        if (obj.Count == 1 && obj[RefKey] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0)
        {
            reference = text;
            return true;
        }

        return false;
    }

    private static string StepOf(string reference) => reference.Split('.')[0];

    [GeneratedRegex(@"\$\{([A-Za-z0-9_\-]+(?:\.[^.}\s]+)*)\}")]
    private static partial Regex Placeholder();
}
