using FuncCloud.Shared.Compute.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Hypervisors;

/// <summary><c>GET /os-hypervisors/{hypervisor_id}</c> (admin).</summary>
public sealed class GetHypervisor(NovaHttp http, ComputeApiPolicy policy, IComputeNodeReader nodes)
{
    [Function(nameof(GetHypervisor))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = HypervisorWire.Collection + "/{hypervisorId}")] HttpRequest req,
        string hypervisorId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
        {
            policy.Enforce(ComputeApiPolicies.HypervisorsShow, call.Caller);
            return NovaHttp.Member("hypervisor", HypervisorWire.Detail(call.Version, HypervisorWire.Find(await nodes.ListAsync(cancellationToken), hypervisorId)));
        }, cancellationToken);
}
