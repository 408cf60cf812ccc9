using DurableTask.Core.Exceptions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace FuncCloud.LocalHost.Tests.TestFunctions;

/// <summary>An API function that starts a workflow whose instance id is the resource id.</summary>
public sealed class DurableHttpFunctions
{
    [Function(nameof(StartProvisioning))]
    public static async Task<IActionResult> StartProvisioning(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "durable/resources/{id}")] HttpRequest req,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        try
        {
            var instanceId = await client.ScheduleNewOrchestrationInstanceAsync(
                nameof(DurableFunctions.ProvisionOrchestrator), new ProvisionRequest(id), new StartOrchestrationOptions(id), cancellationToken);
            return new AcceptedResult($"/durable/resources/{id}", new ProvisionAccepted(instanceId, Started: true));
        }
        catch (OrchestrationAlreadyExistsException)
        {
            // A retried create: the workflow for this resource is already under way, answer as the first call did.
            return new AcceptedResult($"/durable/resources/{id}", new ProvisionAccepted(id, Started: false));
        }
    }
}

public sealed record ProvisionAccepted(string InstanceId, bool Started);
