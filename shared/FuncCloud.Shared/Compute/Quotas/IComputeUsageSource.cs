namespace FuncCloud.Shared.Compute.Quotas;

/// <summary>What a project's servers consume, as nova counts it for quota (every non-deleted server).</summary>
/// <param name="Instances">Servers that exist (any state but deleted).</param>
/// <param name="Cores">Sum of their flavors' vCPUs.</param>
/// <param name="RamMb">Sum of their flavors' RAM in MiB.</param>
public sealed record ComputeUsage(int Instances, int Cores, int RamMb)
{
    /// <summary>Nothing in use.</summary>
    public static readonly ComputeUsage None = new(0, 0, 0);

    /// <summary>What one server counts for: nothing once deleted, else one instance of its flavor.</summary>
    public static ComputeUsage Of(Servers.ServerRecord server) =>
        server.IsDeleted ? None : new ComputeUsage(1, server.Flavor.Vcpus, server.Flavor.RamMb);

    public static ComputeUsage operator +(ComputeUsage left, ComputeUsage right) =>
        new(left.Instances + right.Instances, left.Cores + right.Cores, left.RamMb + right.RamMb);

    public static ComputeUsage operator -(ComputeUsage left, ComputeUsage right) =>
        new(left.Instances - right.Instances, left.Cores - right.Cores, left.RamMb - right.RamMb);

    /// <summary>Never below zero (a counter that missed a create must not go negative on its delete).</summary>
    public ComputeUsage AtLeastZero() => new(Math.Max(0, Instances), Math.Max(0, Cores), Math.Max(0, RamMb));
}

/// <summary>
/// A project's server usage. The compute core implements it with per-project counters
/// (<see cref="ComputeUsageCounters"/>) and registers it (replacing the zero default); quotas, limits and the
/// create-time reservation use it.
/// </summary>
public interface IComputeUsageSource
{
    /// <summary>The usage of <paramref name="projectId"/>.</summary>
    Task<ComputeUsage> GetUsageAsync(string projectId, CancellationToken cancellationToken);

    /// <summary>
    /// Adds <paramref name="requested"/> to the project's usage if <paramref name="ensureFits"/> (called with the
    /// usage before the addition, and again after every lost race) does not throw; check and addition are one
    /// compare-and-swap.
    /// </summary>
    /// <returns>The usage with the reservation.</returns>
    Task<ComputeUsage> ReserveAsync(string projectId, ComputeUsage requested, Action<ComputeUsage> ensureFits, CancellationToken cancellationToken);

    /// <summary>Adds <paramref name="delta"/> (negative to release) without a check.</summary>
    Task AddAsync(string projectId, ComputeUsage delta, CancellationToken cancellationToken);
}

/// <summary>The default until the compute core registers its own: no servers anywhere.</summary>
public sealed class NoComputeUsageSource : IComputeUsageSource
{
    /// <inheritdoc />
    public Task<ComputeUsage> GetUsageAsync(string projectId, CancellationToken cancellationToken) => Task.FromResult(ComputeUsage.None);

    /// <inheritdoc />
    public Task<ComputeUsage> ReserveAsync(string projectId, ComputeUsage requested, Action<ComputeUsage> ensureFits, CancellationToken cancellationToken)
    {
        ensureFits(ComputeUsage.None);
        return Task.FromResult(requested);
    }

    /// <inheritdoc />
    public Task AddAsync(string projectId, ComputeUsage delta, CancellationToken cancellationToken) => Task.CompletedTask;
}
