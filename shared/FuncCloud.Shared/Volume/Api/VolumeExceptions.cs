using FuncCloud.Shared.OpenStack.Errors;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Shared.Volume.Api;

/// <summary>406: a microversion outside [3.0, 3.64] (cinder's InvalidGlobalAPIVersion).</summary>
public sealed class VolumeApiVersionNotSupportedException(string requested)
    : OpenStackException(StatusCodes.Status406NotAcceptable, "Not Acceptable",
        $"Version {requested} is not supported by the API. Minimum is {VolumeApiVersion.Min} and maximum is {VolumeApiVersion.Max}.");

/// <summary>404 with cinder's message, e.g. <c>Volume 42 could not be found.</c></summary>
public sealed class VolumeResourceNotFoundException(string resource, string id)
    : OpenStackException(StatusCodes.Status404NotFound, "Not Found", $"{resource} {id} could not be found.")
{
    /// <summary>A missing volume.</summary>
    public static VolumeResourceNotFoundException Volume(string id) => new("Volume", id);

    /// <summary>A missing snapshot.</summary>
    public static VolumeResourceNotFoundException Snapshot(string id) => new("Snapshot", id);

    /// <summary>A missing volume type.</summary>
    public static VolumeResourceNotFoundException VolumeType(string id) => new("Volume type", id);
}

/// <summary>400: the resource is in a state that does not allow the request (cinder's InvalidVolume / InvalidSnapshot).</summary>
public sealed class InvalidVolumeStateException(string message) : BadRequestException(message);

/// <summary>
/// 413: a quota would be exceeded (cinder's VolumeLimitExceeded / VolumeSizeExceedsAvailableQuota …);
/// the message names the quota, e.g. <c>Maximum number of volumes allowed (10) exceeded for quota 'volumes'.</c>
/// </summary>
public sealed class VolumeOverLimitException(string quota, string message)
    : OpenStackException(StatusCodes.Status413PayloadTooLarge, "Request Entity Too Large", message)
{
    /// <summary>The quota that would be exceeded (<c>volumes</c>, <c>gigabytes</c>, <c>snapshots</c> …).</summary>
    public string Quota { get; } = quota;
}

/// <summary>404: a metadata key that the volume or snapshot does not have (cinder's VolumeMetadataNotFound / SnapshotMetadataNotFound).</summary>
public sealed class VolumeMetadataNotFoundException(string resource, string id, string key)
    : OpenStackException(StatusCodes.Status404NotFound, "Not Found", $"{resource} {id} has no metadata with key {key}.");

/// <summary>404 for a URL that names no resource, e.g. <c>/volumes/</c> with an empty id (cinder's router: no route matches).</summary>
public sealed class VolumeRouteNotFoundException()
    : OpenStackException(StatusCodes.Status404NotFound, "Not Found", "The resource could not be found.");

/// <summary>404: a list's <c>marker</c> names no item of the list (cinder's MarkerNotFound).</summary>
public sealed class VolumeMarkerNotFoundException(string marker)
    : OpenStackException(StatusCodes.Status404NotFound, "Not Found", $"Marker {marker} could not be found.");
