using FuncCloud.Functions.ObjectStorage.Services;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.ObjectStorage.Functions.Expiry;

/// <summary>
/// The object expirer on a timer: every 30 seconds (swift's default interval is 300 s) one replica deletes the
/// objects past their <c>X-Delete-At</c>. Idle, it costs one table query per run.
/// </summary>
public sealed class ExpireObjects(ObjectExpirer expirer)
{
    /// <summary>NCRONTAB: every 30 seconds.</summary>
    public const string Schedule = "*/30 * * * * *";

    [Function(nameof(ExpireObjects))]
    public Task RunAsync([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken) => expirer.RunAsync(cancellationToken);
}
