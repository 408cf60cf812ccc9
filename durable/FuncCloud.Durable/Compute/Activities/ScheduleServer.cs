using FuncCloud.Durable.Compute.Scheduling;
using FuncCloud.Durable.Compute.Workflows;
using FuncCloud.Shared.Compute.InstanceActions;
using FuncCloud.Shared.Compute.Placement;
using FuncCloud.Shared.Compute.Servers;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Durable.Compute.Activities;

/// <summary>Filters, weighs and claims a node for a building server (nova's conductor schedule_and_build_instances).</summary>
public sealed class ScheduleServer(ServerRepository servers, ServerPlacer placer, InstanceActionRepository actions, TimeProvider time)
{
    [Function(nameof(ScheduleServer))]
    public async Task<ScheduleServerOutcome> RunAsync([ActivityTrigger] ScheduleServerInput input, CancellationToken cancellationToken)
    {
        var server = await servers.FindAsync(input.ServerId, cancellationToken) ?? throw new ServerNotFoundException(input.ServerId);
        if (server.TaskState == TaskStates.Deleting || server.IsDeleted)
        {
            return new ScheduleServerOutcome(null, null, null, server.DeleteRequestId ?? input.RequestId);
        }

        await actions.EventStartAsync(input.ServerId, input.RequestId, ComputeSteps.Schedule, null, time.GetUtcNow(), cancellationToken);
        var groupHosts = server.SchedulerHints.Group is { } group
            ? (await servers.ListAsync(cancellationToken))
                .Where(s => s.Id != server.Id && !s.IsDeleted && s.Host is not null && s.SchedulerHints.Group == group)
                .Select(s => s.Host!).ToList()
            : [];
        var spec = new RequestSpec(
            server.Id,
            server.ProjectId,
            ResourceAmounts.Of(server.Flavor),
            server.RequestedAvailabilityZone,
            server.Flavor.ExtraSpecs,
            input.ImageProperties,
            server.SchedulerHints,
            groupHosts,
            input.ForcedHost);
        var choice = await placer.PlaceAsync(spec, cancellationToken);
        await actions.EventFinishAsync(
            input.ServerId, input.RequestId, ComputeSteps.Schedule, choice.Node is not null, choice.Node,
            choice.Node is not null ? $"Claimed {spec.Resources.Vcpus} VCPU, {spec.Resources.MemoryMb} MB RAM, {spec.Resources.DiskGb} GB disk on {choice.Node}" : choice.Reason,
            choice.Node is null ? $"NoValidHost: {choice.Reason}\n  in step {ComputeSteps.Schedule} (scheduler filters and placement claim)" : null,
            time.GetUtcNow(), cancellationToken);
        return new ScheduleServerOutcome(choice.Node, choice.AvailabilityZone, choice.Reason, null);
    }
}
