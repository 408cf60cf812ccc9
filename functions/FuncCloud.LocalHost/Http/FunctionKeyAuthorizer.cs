using System.Security.Cryptography;
using System.Text;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.LocalHost.Http;

/// <summary>Function keys, configured under <c>FuncCloud:LocalHost</c>.</summary>
public sealed class FunctionKeyOptions
{
    /// <summary>The key accepted for <see cref="AuthorizationLevel.Function"/> functions.</summary>
    public string? FunctionKey { get; set; }

    /// <summary>The master key: accepted at every level, and the only one for Admin/System.</summary>
    public string? MasterKey { get; set; }
}

/// <summary>
/// The Functions host's key check: Anonymous passes; Function needs the function or master key;
/// Admin and System need the master key. The key comes in <c>x-functions-key</c> or <c>?code=</c>.
/// </summary>
public static class FunctionKeyAuthorizer
{
    /// <summary>True when <paramref name="request"/> may call a function of <paramref name="level"/>.</summary>
    public static bool IsAuthorized(AuthorizationLevel level, HttpRequest request, FunctionKeyOptions keys)
    {
        if (level == AuthorizationLevel.Anonymous)
        {
            return true;
        }

        string? presented = request.Headers["x-functions-key"].FirstOrDefault() ?? request.Query["code"].FirstOrDefault();
        if (string.IsNullOrEmpty(presented))
        {
            return false;
        }

        return Matches(presented, keys.MasterKey) || (level is AuthorizationLevel.Function or AuthorizationLevel.User && Matches(presented, keys.FunctionKey));
    }

    private static bool Matches(string presented, string? expected) =>
        !string.IsNullOrEmpty(expected) &&
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));
}
