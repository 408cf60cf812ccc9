using FuncCloud.Functions.Monitor.Api;
using FuncCloud.Shared.Compute.InstanceActions;
using FuncCloud.Shared.Workflows;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Monitor.Services;

/// <summary>
/// A resource's workflows, newest first: one prefix query (instance id = resource id + operation). For a
/// server each is matched with its instance action (<c>openstack server event list</c>'s request id).
/// </summary>
public sealed class ResourceWorkflowService(OrchestrationLister lister, InstanceActionRepository instanceActions)
{
    public async Task<ResourceWorkflows> ListAsync(DurableTaskClient durable, string type, string id, CancellationToken cancellationToken)
    {
        var filter = new OrchestrationFilter(null, null, WorkflowResources.Prefix(type, id), null, null, type, id, null, false, "created_at", true, 500, null);
        var (rows, _, _) = await lister.ScanAsync(durable, filter, cancellationToken);
        var actions = type == WorkflowResourceTypes.Server
            ? (await instanceActions.ListAsync(id, cancellationToken)).Where(a => a.WorkflowId is not null).GroupBy(a => a.WorkflowId!).ToDictionary(g => g.Key, g => g.First())
            : [];
        var project = rows.Select(r => r.Resource?.ProjectId).FirstOrDefault(p => p is not null) ?? actions.Values.FirstOrDefault()?.ProjectId;
        return new ResourceWorkflows(
            new WorkflowResourceRef(type, id, project),
            [.. rows.OrderByDescending(r => r.CreatedAt).Select(r => new ResourceWorkflow(r, actions.GetValueOrDefault(r.InstanceId)?.Action, actions.GetValueOrDefault(r.InstanceId)?.RequestId))]);
    }
}
