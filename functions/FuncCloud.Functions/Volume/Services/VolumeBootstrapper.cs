using FuncCloud.Shared.Storage;
using FuncCloud.Shared.Volume.Pools;
using FuncCloud.Shared.Volume.Types;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FuncCloud.Functions.Volume.Services;

/// <summary>
/// At startup: the default volume type <c>__DEFAULT__</c> (cinder creates it in its first migration) and the
/// Fake backend's pools from <see cref="StoragePoolOptions"/> (their capacity refreshed, their claims kept).
/// </summary>
public sealed partial class VolumeBootstrapper(VolumeTypeRepository types, StoragePoolRepository pools, IOptions<StoragePoolOptions> options, TimeProvider clock, ILogger<VolumeBootstrapper> logger) : IHostedService
{
    /// <summary>The default type's id: fixed, so replicas bootstrapping at once agree.</summary>
    public const string DefaultTypeId = "5c1a8a87-5e1e-4cdb-9c0c-2b6a8fe5e0d1";

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await types.FindAsync(VolumeTypeRecord.DefaultName, cancellationToken) is null)
        {
            try
            {
                await types.InsertAsync(new VolumeTypeRecord(DefaultTypeId, VolumeTypeRecord.DefaultName, "Default Volume Type", true, new Dictionary<string, string>(), []), cancellationToken);
            }
            catch (DuplicateKeyException)
            {
                // Another replica created it first.
            }
        }

        foreach (var pool in options.Value.Effective)
        {
            await pools.ReportAsync(new StoragePoolRecord(
                pool.Name, $"{pool.Host}@{pool.Backend}", pool.Backend, pool.AvailabilityZone, "fake", pool.CapacityGb, pool.ReservedPercentage,
                pool.MaxOverSubscriptionRatio, pool.ThinProvisioning, new Dictionary<string, int>(), clock.GetUtcNow()), cancellationToken);
        }

        LogBootstrapped(logger, options.Value.Effective.Count);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Block storage bootstrapped: default volume type, {pools} Fake pool(s)")]
    private static partial void LogBootstrapped(ILogger logger, int pools);
}
