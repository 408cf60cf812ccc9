using System.Text.Json;
using FuncCloud.Shared.Compute.Usage;
using FuncCloud.Shared.ObjectStorage;
using FuncCloud.Shared.Rating;
using Microsoft.Extensions.Options;

namespace FuncCloud.Functions.Telemetry.Rating;

/// <summary>
/// Rates a project's usage over a window from the recorded lifecycles: server hours by flavor (the servers' usage
/// index, the source of <c>os-simple-tenant-usage</c>, so both agree), volume GiB-hours and floating IP hours (the
/// resource usage index) and object GiB-hours (the Swift account's byte step function). Every read is one project's
/// partition filtered to the window; nothing scans the cloud.
/// </summary>
public sealed class RatingService(
    ServerUsageIndex servers, ServerUsageBackfill backfill, ResourceUsageIndex resources, SwiftStore swift, IOptionsMonitor<RatingOptions> options, TimeProvider time)
{
    private static readonly JsonSerializerOptions PriceFileJson = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip };

    /// <summary>Swift's account of a project (reseller prefix <c>AUTH_</c>).</summary>
    public static string AccountOf(string projectId) => "AUTH_" + projectId;

    /// <summary>The report of <paramref name="projectId"/> over [<paramref name="start"/>, <paramref name="end"/>] (the end clipped to now).</summary>
    public async Task<RatingReport> RateAsync(string projectId, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var stop = end > now ? now : end;
        var prices = await PricesAsync(cancellationToken);
        var lines = new List<RatedLine>();
        if (stop > start)
        {
            await backfill.EnsureAsync(cancellationToken);
            foreach (var server in await servers.QueryAsync(projectId, start, stop, null, int.MaxValue, cancellationToken))
            {
                lines.Add(new RatedLine(RatedTypes.Compute, server.ServerId, server.Name, server.FlavorName, RatedUnits.Hour,
                    TenantUsageCalculator.HoursFor(server, start, stop), prices.FlavorHour(server.FlavorName)));
            }

            foreach (var volume in await resources.QueryAsync(projectId, UsageKinds.Volume, start, stop, cancellationToken))
            {
                lines.Add(new RatedLine(RatedTypes.Volume, volume.ResourceId, volume.Name, null, RatedUnits.GibHour, volume.QuantityHours(start, stop), prices.VolumeGbHour));
            }

            var objects = await swift.GibHoursAsync(AccountOf(projectId), start, stop, cancellationToken);
            if (objects > 0)
            {
                lines.Add(new RatedLine(RatedTypes.Object, AccountOf(projectId), null, null, RatedUnits.GibHour, objects, prices.ObjectGbHour));
            }

            foreach (var ip in await resources.QueryAsync(projectId, UsageKinds.FloatingIp, start, stop, cancellationToken))
            {
                lines.Add(new RatedLine(RatedTypes.FloatingIp, ip.ResourceId, ip.Name, null, RatedUnits.Hour, ip.Hours(start, stop), prices.FloatingIpHour));
            }
        }

        return new RatingReport(projectId, start, stop > start ? stop : start, prices.Currency, lines);
    }

    // The file, when one is configured, is read at every report: an operator edits prices without a restart.
    private async Task<RatingOptions> PricesAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        if (string.IsNullOrEmpty(settings.PriceFile))
        {
            return settings;
        }

        await using var file = File.OpenRead(settings.PriceFile);
        var table = await JsonSerializer.DeserializeAsync<RatingOptions>(file, PriceFileJson, cancellationToken)
            ?? throw new InvalidDataException($"The price file {settings.PriceFile} is empty.");
        table.Flavors = new Dictionary<string, double>(table.Flavors, StringComparer.Ordinal);
        return table;
    }
}
