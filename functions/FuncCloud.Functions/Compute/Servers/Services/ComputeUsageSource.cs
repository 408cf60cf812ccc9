using FuncCloud.Shared.Compute.Quotas;
using FuncCloud.Shared.Compute.Servers;

namespace FuncCloud.Functions.Compute.Servers.Services;

/// <summary>Quota usage counted over server records (nova's count-based quotas): every server not deleted.</summary>
public sealed class ComputeUsageSource(ServerRepository servers) : IComputeUsageSource
{
    public async Task<ComputeUsage> GetUsageAsync(string projectId, CancellationToken cancellationToken)
    {
        var mine = (await servers.ListAsync(cancellationToken)).Where(s => s.ProjectId == projectId && !s.IsDeleted).ToList();
        return new ComputeUsage(mine.Count, mine.Sum(s => s.Flavor.Vcpus), mine.Sum(s => s.Flavor.RamMb));
    }
}
