using FuncCloud.Shared.Storage;
using FuncCloud.Shared.Volume.Types;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FuncCloud.Functions.Volume.Services;

/// <summary>
/// At startup: the default volume type <c>__DEFAULT__</c> (cinder creates it in its first migration). Pools are
/// not declared here: storage nodes report them with their heartbeats.
/// </summary>
public sealed partial class VolumeBootstrapper(VolumeTypeRepository types, ILogger<VolumeBootstrapper> logger) : IHostedService
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

        LogBootstrapped(logger);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Block storage bootstrapped: default volume type")]
    private static partial void LogBootstrapped(ILogger logger);
}
