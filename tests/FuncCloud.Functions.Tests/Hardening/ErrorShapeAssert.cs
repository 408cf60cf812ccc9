using System.Text.Json;
using System.Text.Json.Nodes;
using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.OpenStack.Errors;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Functions.Tests.Hardening;

/// <summary>
/// Checks an error body against the shape its service registered (<see cref="ErrorShapeRegistry"/>): the
/// formatter renders a sample error of the same status, and the body must have exactly its keys, nested the
/// same way, with values of the same JSON kinds. A later service is checked by its own registration.
/// </summary>
public static class ErrorShapeAssert
{
    /// <summary>Null when <paramref name="body"/> is in the shape of <paramref name="path"/>'s service, else why not.</summary>
    public static string? Check(ErrorShapeRegistry shapes, string path, int status, string body)
    {
        if (shapes.Find(new PathString(path.Split('?')[0])) is not { } formatter)
        {
            return "no service registered an error shape for this path";
        }

        var template = JsonSerializer.SerializeToNode(formatter.Format(new HttpStatusError(status, "sample")), OpenStackJson.Options);
        if (template is JsonValue text && text.GetValueKind() == JsonValueKind.String)
        {
            // A text dialect (swift): any non-empty body that is not a JSON document.
            return body.Length == 0 ? "the body is empty" : body.TrimStart().StartsWith('{') ? $"the body is JSON: '{Truncate(body)}'" : null;
        }

        JsonNode? actual;
        try
        {
            actual = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return $"the body is not JSON: '{Truncate(body)}'";
        }

        return Compare(template, actual, "$") is { } difference ? $"{difference}; body '{Truncate(body)}'" : null;
    }

    private static string? Compare(JsonNode? expected, JsonNode? actual, string at)
    {
        if (expected is JsonObject e)
        {
            if (actual is not JsonObject a)
            {
                return $"{at} should be an object";
            }

            var expectedKeys = e.Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
            var actualKeys = a.Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
            if (!expectedKeys.SequenceEqual(actualKeys))
            {
                return $"{at} has keys [{string.Join(", ", actualKeys)}], expected [{string.Join(", ", expectedKeys)}]";
            }

            return e.Select(p => Compare(p.Value, a[p.Key], $"{at}.{p.Key}")).FirstOrDefault(d => d is not null);
        }

        var expectedKind = expected?.GetValueKind() ?? JsonValueKind.Null;
        var actualKind = actual?.GetValueKind() ?? JsonValueKind.Null;
        return expectedKind == actualKind ? null : $"{at} is {actualKind}, expected {expectedKind}";
    }

    private static string Truncate(string text) => text.Length > 300 ? text[..300] + "..." : text;
}
