using System.Globalization;
using FuncCloud.Shared.OpenStack.Errors;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Shared.Volume.Api;

/// <summary>
/// A block storage microversion (<c>3.x</c>) from <c>OpenStack-API-Version: volume 3.x</c>. Cinder's rules:
/// no header means 3.0, <c>latest</c> the maximum, anything else <c>Major.Minor</c> (400 otherwise) inside
/// [<see cref="Min"/>, <see cref="Max"/>] (406 otherwise).
/// </summary>
public sealed record VolumeApiVersion(int Major, int Minor) : IComparable<VolumeApiVersion>
{
    /// <summary>The standard microversion header.</summary>
    public const string Header = "OpenStack-API-Version";

    /// <summary>The service type named in <see cref="Header"/>.</summary>
    public const string ServiceType = "volume";

    /// <summary>The oldest microversion: 3.0.</summary>
    public static readonly VolumeApiVersion Min = new(3, 0);

    /// <summary>The newest microversion served: 3.64 (the project id stays in the URL; 3.67 would drop it).</summary>
    public static readonly VolumeApiVersion Max = new(3, 64);

    /// <summary>True when this version is at least <c>3.minor</c>.</summary>
    public bool IsAtLeast(int minor) => Major > 3 || (Major == 3 && Minor >= minor);

    /// <inheritdoc />
    public int CompareTo(VolumeApiVersion? other) =>
        other is null ? 1 : Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}");

    /// <summary>The negotiated version of <paramref name="request"/>.</summary>
    /// <exception cref="BadRequestException">Malformed version.</exception>
    /// <exception cref="VolumeApiVersionNotSupportedException">Outside the served range.</exception>
    public static VolumeApiVersion Negotiate(HttpRequest request)
    {
        foreach (var value in request.Headers[Header])
        {
            foreach (var item in (value ?? string.Empty).Split(','))
            {
                var parts = item.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (parts.Length == 2 && parts[0].Equals(ServiceType, StringComparison.OrdinalIgnoreCase))
                {
                    return Parse(parts[1]);
                }
            }
        }

        return Min;
    }

    /// <summary>Parses a version text (<c>3.x</c> or <c>latest</c>).</summary>
    public static VolumeApiVersion Parse(string text)
    {
        if (text.Equals("latest", StringComparison.OrdinalIgnoreCase))
        {
            return Max;
        }

        var parts = text.Split('.');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
        {
            throw new BadRequestException($"Invalid API version request string {text}.");
        }

        var version = new VolumeApiVersion(major, minor);
        return version.CompareTo(Min) >= 0 && version.CompareTo(Max) <= 0
            ? version
            : throw new VolumeApiVersionNotSupportedException(text);
    }

    /// <summary>Stamps the negotiated version on the response.</summary>
    public static void Apply(HttpResponse response, VolumeApiVersion version)
    {
        response.Headers[Header] = $"{ServiceType} {version}";
        response.Headers.Vary = Header;
    }
}
