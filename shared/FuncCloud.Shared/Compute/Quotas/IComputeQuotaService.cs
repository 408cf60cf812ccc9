namespace FuncCloud.Shared.Compute.Quotas;

/// <summary>A quota with its usage (<c>os-quota-sets/{project}/detail</c>).</summary>
public sealed record QuotaDetail(int Limit, long InUse, long Reserved);

/// <summary>What a server create (or resize) asks for: the compute core passes flavor sizes × count.</summary>
/// <param name="Instances">New servers.</param>
/// <param name="Cores">Additional vCPUs.</param>
/// <param name="RamMb">Additional RAM in MiB.</param>
public sealed record ComputeQuotaRequest(int Instances, int Cores, int RamMb);

/// <summary>
/// Compute quotas: defaults, per-project overrides, usage and enforcement. Enforcement is nova's
/// count-then-check (Pike+): usage is counted when the request is made, not reserved.
/// </summary>
public interface IComputeQuotaService
{
    /// <summary>The default limits (options overlaid with the <c>default</c> quota class).</summary>
    Task<IReadOnlyDictionary<string, int>> GetDefaultsAsync(CancellationToken cancellationToken);

    /// <summary>The effective limits of <paramref name="projectId"/>.</summary>
    Task<IReadOnlyDictionary<string, int>> GetLimitsAsync(string projectId, CancellationToken cancellationToken);

    /// <summary>The limits with usage (<paramref name="userId"/> scopes the key pair count, which is per user).</summary>
    Task<IReadOnlyDictionary<string, QuotaDetail>> GetDetailAsync(string projectId, string? userId, CancellationToken cancellationToken);

    /// <summary>Sets project overrides and returns the effective limits.</summary>
    /// <exception cref="OpenStack.Errors.BadRequestException">Unknown resource, value below -1, or (without <paramref name="force"/>) below usage.</exception>
    Task<IReadOnlyDictionary<string, int>> UpdateAsync(string projectId, IReadOnlyDictionary<string, int> limits, bool force, CancellationToken cancellationToken);

    /// <summary>Removes the project's overrides (back to the defaults).</summary>
    Task ResetAsync(string projectId, CancellationToken cancellationToken);

    /// <summary>Sets limits of the <c>default</c> quota class (os-quota-class-sets).</summary>
    Task<IReadOnlyDictionary<string, int>> UpdateDefaultsAsync(IReadOnlyDictionary<string, int> limits, CancellationToken cancellationToken);

    /// <summary>
    /// Checks that <paramref name="request"/> fits the project's instances/cores/ram quota, with usage from
    /// <see cref="IComputeUsageSource"/>. Call it before writing the server records; to close the race between
    /// two concurrent creates, call it again after writing them with a zero request (nova's <c>recheck_quota</c>:
    /// it fails when the counted usage, now including the new records, is over) and roll back on failure.
    /// </summary>
    /// <exception cref="Api.QuotaExceededException">403 with nova's <c>Quota exceeded for instances: ...</c> text.</exception>
    Task EnforceInstancesAsync(string projectId, ComputeQuotaRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Checks that <paramref name="request"/> fits the instances/cores/ram quota and adds it to the project's usage
    /// counter in one compare-and-swap (nova's count with recheck, without the window between them): of
    /// concurrent creates exactly the quota's worth succeed. Give it back with <see cref="ReleaseInstancesAsync"/>
    /// when the create does not happen.
    /// </summary>
    /// <exception cref="Api.QuotaExceededException">403 with nova's text and the real usage.</exception>
    Task ReserveInstancesAsync(string projectId, ComputeQuotaRequest request, CancellationToken cancellationToken);

    /// <summary>Gives back what <see cref="ReserveInstancesAsync"/> took for servers that were not created.</summary>
    Task ReleaseInstancesAsync(string projectId, ComputeQuotaRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Checks a counted resource (key pairs, server groups, server group members, metadata items...) whose
    /// usage the caller counted: <paramref name="inUse"/> + <paramref name="requested"/> must fit the limit.
    /// </summary>
    /// <exception cref="Api.QuotaExceededException">403 with <paramref name="message"/> (see <see cref="QuotaMessages"/>).</exception>
    Task EnforceCountAsync(string projectId, string resource, long inUse, long requested, string message, CancellationToken cancellationToken);
}

/// <summary>Nova's texts for counted resources over quota.</summary>
public static class QuotaMessages
{
    public const string KeyPairs = "Quota exceeded, too many key pairs.";
    public const string ServerGroups = "Quota exceeded, too many server groups.";
    public const string ServerGroupMembers = "Quota exceeded, too many servers in group";
    public const string MetadataItems = "Quota exceeded for metadata items";
}
