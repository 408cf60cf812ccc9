namespace FuncCloud.Shared.Compute.Quotas;

/// <summary>What a project's servers consume, as nova counts it for quota (every non-deleted server).</summary>
/// <param name="Instances">Servers that exist (any state but deleted).</param>
/// <param name="Cores">Sum of their flavors' vCPUs.</param>
/// <param name="RamMb">Sum of their flavors' RAM in MiB.</param>
public sealed record ComputeUsage(int Instances, int Cores, int RamMb)
{
    /// <summary>Nothing in use.</summary>
    public static readonly ComputeUsage None = new(0, 0, 0);
}

/// <summary>
/// Counts a project's server usage. The compute core implements it over its server records and registers
/// it (replacing the zero default); quotas, limits and the create-time check read it.
/// </summary>
public interface IComputeUsageSource
{
    /// <summary>The usage of <paramref name="projectId"/>.</summary>
    Task<ComputeUsage> GetUsageAsync(string projectId, CancellationToken cancellationToken);
}

/// <summary>The default until the compute core registers its own: no servers anywhere.</summary>
public sealed class NoComputeUsageSource : IComputeUsageSource
{
    /// <inheritdoc />
    public Task<ComputeUsage> GetUsageAsync(string projectId, CancellationToken cancellationToken) => Task.FromResult(ComputeUsage.None);
}
