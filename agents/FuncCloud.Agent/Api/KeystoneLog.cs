using Microsoft.Extensions.Logging;

namespace FuncCloud.Agent.Api;

internal static partial class KeystoneLog
{
    [LoggerMessage(EventId = 1400, Level = LogLevel.Information, Message = "Keystone token issued for {username}, expires {expiresAt:O}")]
    public static partial void TokenIssued(ILogger logger, string username, DateTimeOffset expiresAt);
}
