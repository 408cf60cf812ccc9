using Microsoft.AspNetCore.Http;

namespace FuncCloud.Shared.Compute.Api;

/// <summary>
/// The microversion headers: <c>OpenStack-API-Version: compute 2.x</c> (wins when present) and the legacy
/// <c>X-OpenStack-Nova-API-Version: 2.x</c>; every response under <c>/compute/v2.1</c> echoes both and
/// sets <c>Vary</c> so caches keep versions apart.
/// </summary>
public static class ComputeApiVersionHeaders
{
    /// <summary>The standard microversion header.</summary>
    public const string OpenStackApiVersion = "OpenStack-API-Version";

    /// <summary>The legacy nova header.</summary>
    public const string LegacyNovaApiVersion = "X-OpenStack-Nova-API-Version";

    /// <summary>The service type in <see cref="OpenStackApiVersion"/> values.</summary>
    public const string ServiceType = "compute";

    /// <summary>The version text the caller asked for, or null when it asked for none.</summary>
    public static string? Requested(IHeaderDictionary headers)
    {
        // The standard header may name several services ("compute 2.60, volume 3.10") or appear twice.
        foreach (var value in headers[OpenStackApiVersion])
        {
            foreach (var item in (value ?? string.Empty).Split(','))
            {
                var parts = item.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (parts.Length == 2 && parts[0].Equals(ServiceType, StringComparison.OrdinalIgnoreCase))
                {
                    return parts[1];
                }
            }
        }

        var legacy = headers[LegacyNovaApiVersion].ToString();
        return legacy.Length > 0 ? legacy : null;
    }

    /// <summary>Negotiates the version of <paramref name="request"/> (see <see cref="ComputeApiVersion.Parse"/>).</summary>
    public static ComputeApiVersion Negotiate(HttpRequest request) => ComputeApiVersion.Parse(Requested(request.Headers));

    /// <summary>Stamps the negotiated version on the response.</summary>
    public static void Apply(HttpResponse response, ComputeApiVersion version)
    {
        response.Headers[OpenStackApiVersion] = $"{ServiceType} {version}";
        response.Headers[LegacyNovaApiVersion] = version.ToString();
        response.Headers.Vary = $"{OpenStackApiVersion}, {LegacyNovaApiVersion}";
    }
}
