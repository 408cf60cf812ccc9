using FuncCloud.Shared.Compute.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Hypervisors;

/// <summary>
/// <c>GET /os-hypervisors/{hypervisor_id}/uptime</c> (admin): the node agents do not report uptime, so this
/// is nova's answer for a driver without it — 501, which the CLI's <c>hypervisor show</c> tolerates.
/// </summary>
public sealed class GetHypervisorUptime(NovaHttp http, ComputeApiPolicy policy, IComputeNodeReader nodes)
{
    [Function(nameof(GetHypervisorUptime))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = HypervisorWire.Collection + "/{hypervisorId}/uptime")] HttpRequest req,
        string hypervisorId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
        {
            policy.Enforce(ComputeApiPolicies.HypervisorsShow, call.Caller);
            HypervisorWire.Find(await nodes.ListAsync(cancellationToken), hypervisorId);
            throw new ComputeNotImplementedException("Virt driver does not implement uptime function.");
        }, cancellationToken);
}
