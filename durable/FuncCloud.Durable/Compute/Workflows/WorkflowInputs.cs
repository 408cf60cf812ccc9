using System.Text.Json;
using FuncCloud.Shared.Compute;
using FuncCloud.Shared.Compute.Servers;

namespace FuncCloud.Durable.Compute.Workflows;

/// <summary>Input of <c>BootServerWorkflow</c>.</summary>
/// <param name="ServerId">The server (already stored in BUILD/scheduling by the API).</param>
/// <param name="RequestId">The create request (its instance action).</param>
/// <param name="Instance">What the agent builds.</param>
/// <param name="ImageProperties">The image's properties, for ImagePropertiesFilter.</param>
/// <param name="ForcedHost">An admin's forced host (<c>availability_zone=zone:host</c>), or null.</param>
/// <param name="AgentTimeoutSeconds">How long to wait for each agent result (also the command deadline).</param>
/// <param name="BlockDevices">The volumes of <c>block_device_mapping_v2</c> (boot from volume, data volumes); null when none.</param>
public sealed record BootServerInput(
    string ServerId,
    string RequestId,
    InstanceSpec Instance,
    IReadOnlyDictionary<string, string> ImageProperties,
    string? ForcedHost,
    int AgentTimeoutSeconds,
    IReadOnlyList<Volume.Attachments.BootVolumePlan>? BlockDevices = null);

/// <summary>Input of <c>DeleteServerWorkflow</c>.</summary>
public sealed record DeleteServerInput(string ServerId, string RequestId, string? Host, int AgentTimeoutSeconds);

/// <summary>Input of <c>ServerActionWorkflow</c>: one agent command and what success means for the server.</summary>
/// <param name="ServerId">The server.</param>
/// <param name="RequestId">The action's request id.</param>
/// <param name="Action">A <see cref="ServerActions"/> value.</param>
/// <param name="Host">The node the server is on.</param>
/// <param name="Kind">The agent command kind.</param>
/// <param name="Payload">The command payload (JSON of the payload record).</param>
/// <param name="NewFlavor">For resize: the target flavor.</param>
/// <param name="NewImageId">For rebuild: the new image.</param>
/// <param name="AgentTimeoutSeconds">Agent wait and command deadline.</param>
/// <param name="SnapshotImageId">For createImage: the queued Glance image the snapshot goes into.</param>
public sealed record ServerActionInput(
    string ServerId,
    string RequestId,
    string Action,
    string Host,
    string Kind,
    JsonElement Payload,
    ServerFlavor? NewFlavor,
    string? NewImageId,
    int AgentTimeoutSeconds,
    string? SnapshotImageId = null);

/// <summary>Input of <c>ConsoleOutputWorkflow</c>.</summary>
public sealed record ConsoleOutputInput(string ServerId, string Host, int? Length, int AgentTimeoutSeconds);
