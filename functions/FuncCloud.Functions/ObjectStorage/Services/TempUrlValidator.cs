using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FuncCloud.Functions.ObjectStorage.Api;
using FuncCloud.Shared.ObjectStorage;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Functions.ObjectStorage.Services;

/// <summary>
/// Swift's TempURL middleware: <c>temp_url_sig</c> is an HMAC (SHA1, SHA256 or SHA512; hex, or
/// <c>algo:base64</c>) of <c>METHOD\nexpires\npath</c> — or <c>prefix:path-prefix</c> with <c>temp_url_prefix</c> —
/// under one of the account's or container's <c>Temp-URL-Key</c>/<c>-Key-2</c>. The signed path is
/// <c>/v1/AUTH_.../c/o</c> as swift sees it; the same path under <c>/object-store</c> is accepted too, so a URL
/// signed over the full catalog path works as well. A GET signature also allows HEAD.
/// </summary>
public sealed class TempUrlValidator(SwiftStore store, TimeProvider clock)
{
    /// <summary>The query names.</summary>
    public const string SigParameter = "temp_url_sig";

    /// <summary>The query names.</summary>
    public const string ExpiresParameter = "temp_url_expires";

    /// <summary>The query names.</summary>
    public const string PrefixParameter = "temp_url_prefix";

    private static readonly string[] KeyNames = ["temp-url-key", "temp-url-key-2"];

    /// <summary>True when the request carries TempURL parameters.</summary>
    public static bool IsTempUrl(HttpRequest request) => request.Query.ContainsKey(SigParameter) || request.Query.ContainsKey(ExpiresParameter);

    /// <summary>True when the TempURL of <paramref name="call"/> is valid now for its method and object.</summary>
    public async Task<bool> IsValidAsync(SwiftCall call, CancellationToken cancellationToken)
    {
        if (call.Path.Object is null || call.Query(SigParameter) is not { Length: > 0 } sig || ParseExpires(call.Query(ExpiresParameter)) is not { } expires
            || expires < clock.GetUtcNow().ToUnixTimeSeconds())
        {
            return false;
        }

        var prefix = call.Query(PrefixParameter);
        if (prefix is not null && !call.Object.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var (algorithm, signature) = ParseSignature(sig);
        if (signature is null)
        {
            return false;
        }

        var keys = new List<string>();
        if ((await store.GetAccountAsync(call.Account, cancellationToken))?.Value.Metadata is { } accountMeta)
        {
            keys.AddRange(KeyNames.Select(accountMeta.GetValueOrDefault).OfType<string>());
        }

        if ((await store.GetContainerAsync(call.Account, call.Container, cancellationToken))?.Value.Metadata is { } containerMeta)
        {
            keys.AddRange(KeyNames.Select(containerMeta.GetValueOrDefault).OfType<string>());
        }

        var resource = $"/v1/{call.Account}/{call.Container}/" + (prefix ?? call.Object);
        var paths = new[] { resource, "/" + SwiftRoutes.Root + resource };
        var methods = HttpMethods.IsHead(call.Request.Method) ? new[] { "HEAD", "GET", "PUT", "POST" } : [call.Request.Method.ToUpperInvariant()];
        foreach (var key in keys)
        {
            foreach (var path in paths)
            {
                foreach (var method in methods)
                {
                    var body = $"{method}\n{expires}\n{(prefix is null ? string.Empty : "prefix:")}{path}";
                    var expected = Hmac(algorithm, key, body);
                    if (CryptographicOperations.FixedTimeEquals(expected, signature))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static long? ParseExpires(string? text)
    {
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return seconds;
        }

        return DateTimeOffset.TryParseExact(text, "yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when)
            ? when.ToUnixTimeSeconds()
            : null;
    }

    private static (string Algorithm, byte[]? Signature) ParseSignature(string sig)
    {
        try
        {
            var colon = sig.IndexOf(':');
            if (colon > 0)
            {
                var algorithm = sig[..colon].ToLowerInvariant();
                var text = sig[(colon + 1)..].Replace('-', '+').Replace('_', '/');
                text = text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
                return algorithm is "sha1" or "sha256" or "sha512" ? (algorithm, Convert.FromBase64String(text)) : (algorithm, null);
            }

            return sig.Length switch
            {
                40 => ("sha1", Convert.FromHexString(sig)),
                64 => ("sha256", Convert.FromHexString(sig)),
                128 => ("sha512", Convert.FromHexString(sig)),
                _ => ("sha1", null),
            };
        }
        catch (FormatException)
        {
            return ("sha1", null);
        }
    }

    private static byte[] Hmac(string algorithm, string key, string body)
    {
        var keyBytes = Encoding.UTF8.GetBytes(key);
        var bodyBytes = Encoding.UTF8.GetBytes(body);
        return algorithm switch
        {
            "sha256" => HMACSHA256.HashData(keyBytes, bodyBytes),
            "sha512" => HMACSHA512.HashData(keyBytes, bodyBytes),
            _ => HMACSHA1.HashData(keyBytes, bodyBytes),
        };
    }
}
