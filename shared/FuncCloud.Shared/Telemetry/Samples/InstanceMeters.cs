namespace FuncCloud.Shared.Telemetry.Samples;

/// <summary>
/// The event meters of a server's lifecycle (ceilometer's <c>compute.instance.*</c> notifications): on create and
/// resize <c>instance</c>, <c>vcpus</c> and <c>memory</c> of the new flavor (the ingest refreshes the gnocchi
/// resource's attributes from the server record, a new revision on resize); on delete <c>instance</c> with the
/// resource's <c>ended_at</c>.
/// </summary>
public static class InstanceMeters
{
    private const string InstanceType = "instance";

    /// <summary>A server became ACTIVE or changed flavor.</summary>
    public static IReadOnlyList<Sample> Changed(string serverId, int vcpus, int memoryMb, DateTimeOffset at) =>
    [
        Meters.Of(Meters.Instance, 1, at, serverId, InstanceType) with { InstanceId = serverId },
        Meters.Of(Meters.Vcpus, vcpus, at, serverId, InstanceType) with { InstanceId = serverId },
        Meters.Of(Meters.Memory, memoryMb, at, serverId, InstanceType) with { InstanceId = serverId },
    ];

    /// <summary>A server was deleted.</summary>
    public static IReadOnlyList<Sample> Deleted(string serverId, DateTimeOffset at) =>
        [Meters.Of(Meters.Instance, 1, at, serverId, InstanceType) with { InstanceId = serverId, EndedAt = at }];
}
