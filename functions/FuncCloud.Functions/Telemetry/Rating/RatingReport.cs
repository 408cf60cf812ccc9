namespace FuncCloud.Functions.Telemetry.Rating;

/// <summary>What a report line rates.</summary>
public static class RatedTypes
{
    public const string Compute = "compute";
    public const string Volume = "volume";
    public const string Object = "object";
    public const string FloatingIp = "floating_ip";
}

/// <summary>Units of the rated quantities.</summary>
public static class RatedUnits
{
    public const string Hour = "hour";
    public const string GibHour = "GiB-hour";
}

/// <summary>One rated resource over the window: its quantity (hours or GiB-hours), the unit price and the cost.</summary>
public sealed record RatedLine(string Type, string ResourceId, string? Name, string? Flavor, string Unit, double Quantity, double UnitPrice)
{
    /// <summary>Quantity × unit price.</summary>
    public double Cost => Quantity * UnitPrice;
}

/// <summary>A project's rating over [Start, End]: every rated resource, and the lines summed per type and flavor.</summary>
public sealed record RatingReport(string ProjectId, DateTimeOffset Start, DateTimeOffset End, string Currency, IReadOnlyList<RatedLine> Lines)
{
    /// <summary>The lines summed by type and flavor (server hours per flavor, GiB-hours per type), in the lines' order.</summary>
    public IReadOnlyList<RatedLine> Summary => [.. Lines
        .GroupBy(l => (l.Type, l.Flavor, l.Unit, l.UnitPrice))
        .Select(g => new RatedLine(g.Key.Type, string.Empty, null, g.Key.Flavor, g.Key.Unit, g.Sum(l => l.Quantity), g.Key.UnitPrice))];

    /// <summary>The sum of the costs.</summary>
    public double Total => Lines.Sum(l => l.Cost);
}
