using FuncCloud.Durable.Compute.Activities;
using FuncCloud.Durable.Compute.Workflows;
using FuncCloud.Durable.Volume.Attachments;
using FuncCloud.Durable.Volume.Orchestrators;
using FuncCloud.Durable.Volume.Workflows;
using FuncCloud.Shared.Agents;
using FuncCloud.Shared.Agents.Commands;
using FuncCloud.Shared.Compute;
using FuncCloud.Shared.Compute.Servers;
using FuncCloud.Shared.Volume.Volumes;
using Microsoft.DurableTask;

namespace FuncCloud.Durable.Compute.Orchestrators;

/// <summary>
/// The boot's block device step (nova's <c>_prep_block_device</c>), between the port allocation and the spawn: the
/// volumes of <c>block_device_mapping_v2</c> that must be made are created through the volume create workflow (same
/// quota, scheduling and storage node as <c>POST /volumes</c>), then every volume is reserved for the server through the
/// same attachment records as nova's attach, exported by its storage node to the server's node and settled
/// <c>in-use</c>; the spawn gets them in <see cref="InstanceSpec.Volumes"/>. Any failure gives everything back: the
/// user's volumes return to <c>available</c>, the volumes made here are deleted, and the server ends ERROR with its
/// ports and claims released.
/// </summary>
internal static class ServerBlockDevices
{
    public const string Step = "compute_prep_block_device";

    /// <summary>The instance to spawn (with its volumes), or null when the step failed and was compensated.</summary>
    public static async Task<InstanceSpec?> PrepareAsync(TaskOrchestrationContext context, BootServerInput input, string node)
    {
        if (input.BlockDevices is not { Count: > 0 } plans)
        {
            return input.Instance;
        }

        var held = new List<BootVolume>();
        var error = await CreateVolumesAsync(context, input, plans, held);
        var attachments = new List<VolumeAttachmentInput>();
        var volumes = new List<InstanceVolumeSpec>();
        if (error is null)
        {
            var ordered = held.OrderByDescending(v => v.Boot).ToList();
            var ids = ordered.Select(_ => context.NewGuid().ToString()).ToList();
            var reserved = await context.CallActivityAsync<BootAttachmentsOutcome>(
                nameof(ReserveBootAttachments), new ReserveBootAttachmentsInput(input.ServerId, node, ordered, ids, Now(context)));
            attachments.AddRange(reserved.Attachments);
            error = reserved.Error ?? await ExportAsync(context, input, reserved.Attachments, ordered, volumes);
        }

        if (error is null)
        {
            foreach (var attachment in attachments)
            {
                await context.CallActivityAsync(nameof(SettleAttachment), new SettleAttachmentInput(attachment, true, true, Now(context)));
            }

            return input.Instance with { Volumes = volumes };
        }

        await CompensateAsync(context, attachments, held);
        var message = $"Build of instance {input.ServerId} aborted: {error}";
        var fault = new ServerFault(500, message, $"{message}\n  in step {Step} on node {node}", Now(context));
        await ServerFailures.FailStepAsync(context, new FailStepInput(input.ServerId, input.RequestId, Step, node, fault, fault.Details));
        await ServerPorts.ReleaseAsync(context, input.ServerId);
        await context.CallActivityAsync(nameof(ReleaseClaims), new ReleaseClaimsInput(input.ServerId, null, null));
        return null;
    }

    // New volumes: quota and record (activity), then their create workflow as a child with the id the API uses.
    private static async Task<string?> CreateVolumesAsync(TaskOrchestrationContext context, BootServerInput input, IReadOnlyList<BootVolumePlan> plans, List<BootVolume> held)
    {
        foreach (var plan in plans)
        {
            var boot = plan.BootIndex == 0;
            if (plan.ExistingVolumeId is { } existing)
            {
                held.Add(new BootVolume(existing, plan.ProjectId, false, boot, plan.DeleteOnTermination));
                continue;
            }

            var id = context.NewGuid().ToString();
            var volume = plan.NewVolume! with { Id = id, Operation = VolumeWorkflowIds.CreateVolume(id), CreatedAt = Now(context), UpdatedAt = Now(context) };
            if (await context.CallActivityAsync<string?>(nameof(ReserveBootVolume), volume) is { } quota)
            {
                return quota;
            }

            held.Add(new BootVolume(id, volume.ProjectId, true, boot, plan.DeleteOnTermination));
            await context.CallSubOrchestratorAsync(
                nameof(CreateVolumeWorkflow), plan.Create! with { VolumeId = id, RequestId = input.RequestId }, new SubOrchestrationOptions { InstanceId = volume.Operation });
            var state = await context.CallActivityAsync<BootVolumeState>(nameof(ReadBootVolume), new BeginVolumeDeleteInput(id, volume.ProjectId, Now(context)));
            if (state.Status != VolumeStatus.Available)
            {
                return $"Volume {id} did not finish being created and is in {state.Status ?? "no"} state. {state.Message}".TrimEnd();
            }
        }

        return null;
    }

    // One export per volume on its storage node, to the server's node; the command ids carry the volume (one instance, many exports).
    private static async Task<string?> ExportAsync(
        TaskOrchestrationContext context, BootServerInput input, IReadOnlyList<VolumeAttachmentInput> attachments, IReadOnlyList<BootVolume> ordered, List<InstanceVolumeSpec> volumes)
    {
        foreach (var attachment in attachments)
        {
            var command = Distinct(AgentCalls.Command(context, new ExportVolumeCommand(attachment.VolumeId, attachment.ComputeNode), StorageCalls.DefaultTimeoutSeconds), attachment.VolumeId);
            await context.CallActivityAsync(nameof(SendAgentCommand), new SendAgentCommandInput(attachment.StorageNode, command));
            var result = await AgentCalls.WaitAsync(context, command, StorageCalls.DefaultTimeoutSeconds);
            if (result is not { Success: true } || result.ReadOutput<VolumeConnectionInfo>() is not { } connection)
            {
                return result?.Fault is { } fault
                    ? $"{ExportVolumeCommand.Kind} failed on storage node {attachment.StorageNode}: {fault.Message}"
                    : $"{ExportVolumeCommand.Kind} timed out on storage node {attachment.StorageNode}: no answer from its agent within {StorageCalls.DefaultTimeoutSeconds} s";
            }

            var boot = ordered.First(v => v.VolumeId == attachment.VolumeId).Boot;
            volumes.Add(new InstanceVolumeSpec(attachment.VolumeId, attachment.Device, boot, connection));
        }

        return null;
    }

    private static async Task CompensateAsync(TaskOrchestrationContext context, IReadOnlyList<VolumeAttachmentInput> attachments, IReadOnlyList<BootVolume> held)
    {
        foreach (var attachment in attachments)
        {
            await StorageCalls.SendAsync(context, attachment.StorageNode, new UnexportVolumeCommand(attachment.VolumeId), discriminator: attachment.VolumeId);
            await context.CallActivityAsync(nameof(SettleAttachment), new SettleAttachmentInput(attachment, true, false, Now(context)));
        }

        foreach (var volume in held.Where(v => v.Created))
        {
            await DeleteVolumeAsync(context, volume.VolumeId, volume.ProjectId);
        }
    }

    /// <summary>Deletes a volume through its delete workflow (as a child, with the id the API uses), if it can be deleted now.</summary>
    public static async Task DeleteVolumeAsync(TaskOrchestrationContext context, string volumeId, string projectId)
    {
        if (await context.CallActivityAsync<bool>(nameof(BeginVolumeDelete), new BeginVolumeDeleteInput(volumeId, projectId, Now(context))))
        {
            await context.CallSubOrchestratorAsync(
                nameof(DeleteVolumeWorkflow), new DeleteVolumeInput(volumeId, projectId, context.InstanceId, false), new SubOrchestrationOptions { InstanceId = VolumeWorkflowIds.DeleteVolume(volumeId) });
        }
    }

    private static AgentCommand Distinct(AgentCommand command, string discriminator) =>
        command with { CommandId = $"{command.CommandId}:{discriminator}", EventName = $"{command.EventName}:{discriminator}" };

    private static DateTimeOffset Now(TaskOrchestrationContext context) => new(context.CurrentUtcDateTime, TimeSpan.Zero);
}
