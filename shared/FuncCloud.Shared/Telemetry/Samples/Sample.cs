namespace FuncCloud.Shared.Telemetry.Samples;

/// <summary>
/// One measurement of one meter (ceilometer's sample): what the agents' pollsters and the control plane's
/// workflows put on the samples queue.
/// </summary>
/// <param name="Name">The meter, ceilometer's name (<see cref="Meters"/>).</param>
/// <param name="Unit">The meter's unit (<c>ns</c>, <c>MB</c>, <c>B</c>, <c>packet</c>, ...).</param>
/// <param name="Type">ceilometer's sample type: <c>cumulative</c>, <c>gauge</c> or <c>delta</c>.</param>
/// <param name="Volume">The value.</param>
/// <param name="Timestamp">When it was measured.</param>
/// <param name="ResourceId">The gnocchi resource (a server id, <c>{server}-{device}</c>, a node name...).</param>
/// <param name="ResourceType">The gnocchi resource type (<c>instance</c>, <c>instance_disk</c>, <c>host</c>...).</param>
/// <param name="InstanceId">
/// The server the resource belongs to, when it is one of a server's (the ingest takes the project, user and
/// attributes from the server record: agents do not know them).
/// </param>
/// <param name="ProjectId">The owner when the emitter knows it (control-plane events); null with an instance or for the operator's.</param>
/// <param name="UserId">The user, when known.</param>
/// <param name="Attributes">Resource attributes the emitter knows (e.g. a disk's <c>name</c>, an image's <c>disk_format</c>).</param>
/// <param name="EndedAt">Set when the resource ended (a deleted server, image, volume): the resource gets its <c>ended_at</c>.</param>
public sealed record Sample(
    string Name,
    string Unit,
    string Type,
    double Volume,
    DateTimeOffset Timestamp,
    string ResourceId,
    string ResourceType,
    string? InstanceId = null,
    string? ProjectId = null,
    string? UserId = null,
    IReadOnlyDictionary<string, string?>? Attributes = null,
    DateTimeOffset? EndedAt = null);
