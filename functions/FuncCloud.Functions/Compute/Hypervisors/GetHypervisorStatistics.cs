using System.Text.Json.Nodes;
using FuncCloud.Shared.Compute.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Hypervisors;

/// <summary><c>GET /os-hypervisors/statistics</c> (admin): totals over every node.</summary>
public sealed class GetHypervisorStatistics(NovaHttp http, ComputeApiPolicy policy, IComputeNodeReader nodes)
{
    [Function(nameof(GetHypervisorStatistics))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = HypervisorWire.Collection + "/statistics")] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
        {
            policy.Enforce(ComputeApiPolicies.HypervisorsStatistics, call.Caller);
            var all = await nodes.ListAsync(cancellationToken);
            return NovaHttp.Member("hypervisor_statistics", new JsonObject
            {
                ["count"] = all.Count,
                ["vcpus"] = all.Sum(n => n.VcpusTotal),
                ["vcpus_used"] = all.Sum(n => n.VcpusUsed),
                ["memory_mb"] = all.Sum(n => n.MemoryMbTotal),
                ["memory_mb_used"] = all.Sum(n => n.MemoryMbUsed),
                ["free_ram_mb"] = all.Sum(n => n.MemoryMbTotal - n.MemoryMbUsed),
                ["local_gb"] = all.Sum(n => n.DiskGbTotal),
                ["local_gb_used"] = all.Sum(n => n.DiskGbUsed),
                ["free_disk_gb"] = all.Sum(n => n.DiskGbTotal - n.DiskGbUsed),
                ["disk_available_least"] = all.Sum(n => n.DiskGbTotal - n.DiskGbUsed),
                ["current_workload"] = 0,
                ["running_vms"] = all.Sum(n => n.RunningVms),
            });
        }, cancellationToken);
}
