using FuncCloud.Functions.Identity.Functions.Keys;
using FuncCloud.Shared.Security.Fernet;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;
using Xunit;

namespace FuncCloud.Functions.Tests.Identity;

public sealed class RotateFernetKeysTests(TokenHostFixture host) : IClassFixture<TokenHostFixture>
{
    [Fact]
    public async Task RunAsync_Scheduled_StagedKeyBecomesPrimary()
    {
        var keys = host.Services.GetRequiredService<FernetKeyRepository>();
        var before = await keys.ReloadAsync(CancellationToken.None);

        await new RotateFernetKeys(keys, NullLogger<RotateFernetKeys>.Instance).RunAsync(new TimerInfo(), CancellationToken.None);

        var after = await keys.ReloadAsync(CancellationToken.None);
        after.Primary.Encoded.ShouldNotBe(before.Primary.Encoded);
        after.All.Select(k => k.Encoded).ShouldContain(before.Primary.Encoded, "the old primary stays as a secondary");
    }

    [Fact]
    public void Schedule_IsDailyNcrontab()
    {
        var schedule = NCrontab.CrontabSchedule.Parse(RotateFernetKeys.Schedule, new NCrontab.CrontabSchedule.ParseOptions { IncludingSeconds = true });
        var next = schedule.GetNextOccurrence(new DateTime(2026, 1, 1, 4, 0, 0));
        next.ShouldBe(new DateTime(2026, 1, 2, 3, 0, 0));
    }
}
