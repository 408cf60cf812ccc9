using FuncCloud.Shared.OpenStack.Errors;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Shared.Compute.Api;

/// <summary>406: the requested microversion is outside what this deployment serves.</summary>
public sealed class ApiVersionNotSupportedException(string requested, ComputeApiVersion min, ComputeApiVersion max)
    : OpenStackException(StatusCodes.Status406NotAcceptable, "Not Acceptable",
        $"Version {requested} is not supported by the API. Minimum is {min} and maximum is {max}.");

/// <summary>
/// 404 for a compute resource, with nova's own wording per resource (e.g. <c>Flavor 42 could not be found.</c>);
/// use the factory methods so the text matches what nova's clients show.
/// </summary>
public sealed class ComputeResourceNotFoundException(string resourceType, string resourceId, string message)
    : OpenStackException(StatusCodes.Status404NotFound, "Not Found", message)
{
    /// <summary>The kind of resource, e.g. <c>flavor</c>.</summary>
    public string ResourceType { get; } = resourceType;

    /// <summary>The id or name that was looked up.</summary>
    public string ResourceId { get; } = resourceId;

    /// <summary>A missing flavor.</summary>
    public static ComputeResourceNotFoundException Flavor(string flavorId) => new("flavor", flavorId, $"Flavor {flavorId} could not be found.");

    /// <summary>A missing key pair of a user.</summary>
    public static ComputeResourceNotFoundException Keypair(string name, string userId) => new("keypair", name, $"Keypair {name} not found for user {userId}");

    /// <summary>A missing server group.</summary>
    public static ComputeResourceNotFoundException ServerGroup(string groupId) => new("server_group", groupId, $"Instance group {groupId} could not be found.");

    /// <summary>A missing aggregate.</summary>
    public static ComputeResourceNotFoundException Aggregate(string aggregateId) => new("aggregate", aggregateId, $"Aggregate {aggregateId} could not be found.");

    /// <summary>A missing compute host (node).</summary>
    public static ComputeResourceNotFoundException Host(string host) => new("host", host, $"Compute host {host} could not be found.");

    /// <summary>A missing hypervisor.</summary>
    public static ComputeResourceNotFoundException Hypervisor(string hypervisorId) => new("hypervisor", hypervisorId, $"Hypervisor with ID '{hypervisorId}' could not be found.");

    /// <summary>A missing compute service.</summary>
    public static ComputeResourceNotFoundException Service(string serviceId) => new("service", serviceId, $"Service {serviceId} could not be found.");
}

/// <summary>
/// A quota would be exceeded. Nova's API answers these with 403 Forbidden (not 413) and the message of
/// its <c>TooManyInstances</c>/<c>OverQuota</c> exceptions, which the CLI prints verbatim.
/// </summary>
public sealed class QuotaExceededException(string message, IReadOnlyList<string> resources)
    : ForbiddenException(message)
{
    /// <summary>The quota resources that are over, e.g. <c>instances</c>, <c>cores</c>.</summary>
    public IReadOnlyList<string> Resources { get; } = resources;
}

/// <summary>501: a valid request this deployment does not implement.</summary>
public sealed class ComputeNotImplementedException(string message)
    : OpenStackException(StatusCodes.Status501NotImplemented, "Not Implemented", message);
