using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using FuncCloud.Functions.Telemetry.Services;

namespace FuncCloud.Functions.Telemetry.Rating;

/// <summary>The rating report as JSON (<c>summary</c> per type and flavor, <c>resources</c> per resource) and as CSV (one row per resource, then the total).</summary>
public static class RatingWire
{
    /// <summary>The CSV columns.</summary>
    public static readonly string[] CsvColumns = ["project_id", "start", "end", "type", "resource_id", "name", "flavor", "unit", "quantity", "unit_price", "cost", "currency"];

    /// <summary>The JSON body.</summary>
    public static JsonObject Json(RatingReport report) => new()
    {
        ["project_id"] = report.ProjectId,
        ["start"] = TelemetryTime.Format(report.Start),
        ["end"] = TelemetryTime.Format(report.End),
        ["currency"] = report.Currency,
        ["summary"] = new JsonArray([.. report.Summary.Select(l => Line(l, perResource: false))]),
        ["resources"] = new JsonArray([.. report.Lines.Select(l => Line(l, perResource: true))]),
        ["total"] = report.Total,
    };

    /// <summary>The CSV text (RFC 4180: CRLF line ends, fields with a comma, quote or line break quoted).</summary>
    public static string Csv(RatingReport report)
    {
        var text = new StringBuilder();
        Row(text, CsvColumns);
        var start = TelemetryTime.Format(report.Start);
        var end = TelemetryTime.Format(report.End);
        foreach (var line in report.Lines)
        {
            Row(text, [report.ProjectId, start, end, line.Type, line.ResourceId, line.Name, line.Flavor, line.Unit, Number(line.Quantity), Number(line.UnitPrice), Number(line.Cost), report.Currency]);
        }

        Row(text, [report.ProjectId, start, end, "total", null, null, null, null, null, null, Number(report.Total), report.Currency]);
        return text.ToString();
    }

    private static JsonObject Line(RatedLine line, bool perResource)
    {
        var json = new JsonObject { ["type"] = line.Type };
        if (perResource)
        {
            json["resource_id"] = line.ResourceId;
            json["name"] = line.Name;
        }

        json["flavor"] = line.Flavor;
        json["unit"] = line.Unit;
        json["quantity"] = line.Quantity;
        json["unit_price"] = line.UnitPrice;
        json["cost"] = line.Cost;
        return json;
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static void Row(StringBuilder text, IEnumerable<string?> fields)
    {
        text.AppendJoin(',', fields.Select(f => f is null ? string.Empty
            : f.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + f.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : f));
        text.Append("\r\n");
    }
}
