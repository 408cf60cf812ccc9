namespace FuncCloud.Functions.Telemetry.Rating;

/// <summary>
/// The price table of the rating report (host settings section <c>Rating</c>, e.g. <c>Rating__FloatingIpHour=0.01</c>),
/// or the JSON file <see cref="PriceFile"/> names (same keys; read at every report, so prices change without a
/// restart). The defaults are placeholders: an operator sets real prices. See docs/usage.md.
/// </summary>
public sealed class RatingOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Rating";

    /// <summary>The key of the price for flavors the table does not name.</summary>
    public const string AnyFlavor = "*";

    /// <summary>A JSON file with the price table (overrides the settings when set).</summary>
    public string? PriceFile { get; set; }

    /// <summary>The currency the prices are in (a label on the report).</summary>
    public string Currency { get; set; } = "USD";

    /// <summary>Price of one server hour by flavor name; <c>*</c> for any other flavor.</summary>
    public Dictionary<string, double> Flavors { get; set; } = new(StringComparer.Ordinal) { [AnyFlavor] = 0.05 };

    /// <summary>Price of one GiB of volume for one hour.</summary>
    public double VolumeGbHour { get; set; } = 0.0001;

    /// <summary>Price of one GiB of stored objects for one hour.</summary>
    public double ObjectGbHour { get; set; } = 0.00003;

    /// <summary>Price of one floating IP allocated for one hour.</summary>
    public double FloatingIpHour { get; set; } = 0.005;

    /// <summary>The hourly price of <paramref name="flavor"/> (its own, else <c>*</c>, else 0).</summary>
    public double FlavorHour(string flavor) =>
        Flavors.TryGetValue(flavor, out var price) || Flavors.TryGetValue(AnyFlavor, out price) ? price : 0;
}
