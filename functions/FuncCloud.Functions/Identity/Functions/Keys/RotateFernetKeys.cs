using FuncCloud.Shared.Security.Fernet;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FuncCloud.Functions.Identity.Functions.Keys;

/// <summary>
/// The scheduled <c>keystone-manage fernet_rotate</c>: daily at 03:00 UTC the staged key becomes primary.
/// With the default three active keys a token stays valid across one rotation, and tokens live one hour, so
/// a daily rotation never cuts a token short. Only one replica runs each occurrence (timer singleton).
/// </summary>
public sealed partial class RotateFernetKeys(FernetKeyRepository keys, ILogger<RotateFernetKeys> logger)
{
    /// <summary>NCRONTAB: second 0, minute 0, hour 3, every day.</summary>
    public const string Schedule = "0 0 3 * * *";

    [Function(nameof(RotateFernetKeys))]
    public async Task RunAsync([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken)
    {
        await keys.RotateAsync(cancellationToken);
        var ring = await keys.GetKeysAsync(cancellationToken);
        LogRotated(logger, ring.All.Count, timer.IsPastDue);
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Fernet keys rotated: {activeKeys} keys active (past due: {pastDue})")]
    private static partial void LogRotated(ILogger logger, int activeKeys, bool pastDue);
}
