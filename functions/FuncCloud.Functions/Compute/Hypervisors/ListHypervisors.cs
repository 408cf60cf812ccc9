using System.Text.Json.Nodes;
using FuncCloud.Shared.Compute.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Hypervisors;

/// <summary><c>GET /os-hypervisors</c> (admin).</summary>
public sealed class ListHypervisors(NovaHttp http, ComputeApiPolicy policy, IComputeNodeReader nodes)
{
    [Function(nameof(ListHypervisors))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = HypervisorWire.Collection)] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
        {
            policy.Enforce(ComputeApiPolicies.HypervisorsList, call.Caller);
            var page = NovaPaging.Apply(req, HypervisorWire.Filter(call, await nodes.ListAsync(cancellationToken)), n => n.Id, "os-hypervisors");
            return NovaHttp.Member("hypervisors", new JsonArray(page.Items.Select(n => (JsonNode)HypervisorWire.Summary(n)).ToArray()));
        }, cancellationToken);
}
