using System.Text.Json.Nodes;
using FuncCloud.Shared.Compute.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Hypervisors;

/// <summary><c>GET /os-hypervisors/detail</c> (admin).</summary>
public sealed class ListHypervisorsDetail(NovaHttp http, ComputeApiPolicy policy, IComputeNodeReader nodes)
{
    [Function(nameof(ListHypervisorsDetail))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = HypervisorWire.Collection + "/detail")] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
        {
            policy.Enforce(ComputeApiPolicies.HypervisorsListDetail, call.Caller);
            var page = NovaPaging.Apply(req, HypervisorWire.Filter(call, await nodes.ListAsync(cancellationToken)), n => n.Id, "os-hypervisors/detail");
            return NovaHttp.Member("hypervisors", new JsonArray(page.Items.Select(n => (JsonNode)HypervisorWire.Detail(call.Version, n)).ToArray()));
        }, cancellationToken);
}
