using System.Text.Json.Nodes;
using FuncCloud.Functions.Telemetry.Api;
using FuncCloud.Shared.Telemetry;

namespace FuncCloud.Functions.Telemetry.Services;

/// <summary>Parses gnocchi's measures body: <c>[{"timestamp": "...", "value": 1.0}, ...]</c>.</summary>
public static class MeasuresBody
{
    /// <summary>The measures of <paramref name="body"/>.</summary>
    /// <exception cref="GnocchiCauseException">Not a list of timestamp/value objects.</exception>
    public static IReadOnlyList<Measure> Parse(JsonNode? body)
    {
        if (body is not JsonArray array)
        {
            throw Invalid("expected a list");
        }

        var measures = new List<Measure>(array.Count);
        foreach (var item in array)
        {
            if (item is not JsonObject measure || measure["value"] is not JsonValue value || !value.TryGetValue<double>(out var number) || !double.IsFinite(number))
            {
                throw Invalid("expected a dictionary with a `timestamp' and a numeric `value'");
            }

            measures.Add(new Measure(TelemetryTime.Parse(measure["timestamp"], "timestamp"), number));
        }

        return measures;
    }

    private static GnocchiCauseException Invalid(string reason) => new("Invalid input", new JsonArray(), reason);
}
