using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.Keypairs;
using FuncCloud.Shared.Compute.ServerGroups;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.Storage;
using Microsoft.Extensions.Options;

namespace FuncCloud.Shared.Compute.Quotas;

/// <summary>
/// <see cref="IComputeQuotaService"/> over the compute API table: project overrides in partition
/// <c>quota</c>, the <c>default</c> class in <c>quota-class</c>, defaults from <see cref="ComputeQuotaOptions"/>.
/// </summary>
public sealed class ComputeQuotaService(
    ComputeApiTable table,
    IComputeUsageSource usage,
    IKeypairStore keypairs,
    IServerGroupStore serverGroups,
    IOptions<ComputeQuotaOptions> options) : IComputeQuotaService
{
    private const string ProjectPartition = "quota";
    private const string ClassPartition = "quota-class";
    private const string DefaultClass = "default";
    private static readonly CasRetry Retry = new(10);

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, int>> GetDefaultsAsync(CancellationToken cancellationToken)
    {
        var limits = new Dictionary<string, int>(options.Value.ToLimits());
        var overrides = await table.Documents.GetAsync<QuotaDocument>(ClassPartition, DefaultClass, cancellationToken);
        Overlay(limits, overrides?.Value);
        return limits;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, int>> GetLimitsAsync(string projectId, CancellationToken cancellationToken)
    {
        var limits = new Dictionary<string, int>(await GetDefaultsAsync(cancellationToken));
        var overrides = await table.Documents.GetAsync<QuotaDocument>(ProjectPartition, projectId, cancellationToken);
        Overlay(limits, overrides?.Value);
        return limits;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, QuotaDetail>> GetDetailAsync(string projectId, string? userId, CancellationToken cancellationToken)
    {
        var limits = await GetLimitsAsync(projectId, cancellationToken);
        var used = await CountAsync(projectId, userId, cancellationToken);
        return limits.ToDictionary(l => l.Key, l => new QuotaDetail(l.Value, used.GetValueOrDefault(l.Key), 0));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, int>> UpdateAsync(string projectId, IReadOnlyDictionary<string, int> limits, bool force, CancellationToken cancellationToken)
    {
        Validate(limits);
        if (!force)
        {
            var used = await CountAsync(projectId, null, cancellationToken);
            foreach (var (resource, limit) in limits)
            {
                var inUse = used.GetValueOrDefault(resource);
                if (!QuotaMath.IsAcceptableLimit(limit, inUse))
                {
                    throw new BadRequestException($"Quota limit {limit} for {resource} must be greater than or equal to already used and reserved {inUse}.");
                }
            }
        }

        await MergeAsync(ProjectPartition, projectId, limits, cancellationToken);
        return await GetLimitsAsync(projectId, cancellationToken);
    }

    /// <inheritdoc />
    public async Task ResetAsync(string projectId, CancellationToken cancellationToken) =>
        await table.Documents.DeleteAsync(ProjectPartition, projectId, null, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, int>> UpdateDefaultsAsync(IReadOnlyDictionary<string, int> limits, CancellationToken cancellationToken)
    {
        Validate(limits);
        await MergeAsync(ClassPartition, DefaultClass, limits, cancellationToken);
        return await GetDefaultsAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task EnforceInstancesAsync(string projectId, ComputeQuotaRequest request, CancellationToken cancellationToken)
    {
        var limits = await GetLimitsAsync(projectId, cancellationToken);
        EnsureFits(limits, await usage.GetUsageAsync(projectId, cancellationToken), request);
    }

    /// <inheritdoc />
    public async Task ReserveInstancesAsync(string projectId, ComputeQuotaRequest request, CancellationToken cancellationToken)
    {
        var limits = await GetLimitsAsync(projectId, cancellationToken);
        await usage.ReserveAsync(projectId, new ComputeUsage(request.Instances, request.Cores, request.RamMb), current => EnsureFits(limits, current, request), cancellationToken);
    }

    /// <inheritdoc />
    public Task ReleaseInstancesAsync(string projectId, ComputeQuotaRequest request, CancellationToken cancellationToken) =>
        usage.AddAsync(projectId, ComputeUsage.None - new ComputeUsage(request.Instances, request.Cores, request.RamMb), cancellationToken);

    private static void EnsureFits(IReadOnlyDictionary<string, int> limits, ComputeUsage current, ComputeQuotaRequest request)
    {
        var used = new Dictionary<string, long>
        {
            [ComputeQuotaResources.Instances] = current.Instances,
            [ComputeQuotaResources.Cores] = current.Cores,
            [ComputeQuotaResources.Ram] = current.RamMb,
        };
        var requested = new Dictionary<string, long>
        {
            [ComputeQuotaResources.Instances] = request.Instances,
            [ComputeQuotaResources.Cores] = request.Cores,
            [ComputeQuotaResources.Ram] = request.RamMb,
        };
        var overs = QuotaMath.FindOvers(limits, used, requested);
        if (overs.Count > 0)
        {
            throw new QuotaExceededException(QuotaMath.InstancesMessage(overs), overs.Select(o => o.Resource).ToList());
        }
    }

    /// <inheritdoc />
    public async Task EnforceCountAsync(string projectId, string resource, long inUse, long requested, string message, CancellationToken cancellationToken)
    {
        var limits = await GetLimitsAsync(projectId, cancellationToken);
        var overs = QuotaMath.FindOvers(limits, new Dictionary<string, long> { [resource] = inUse }, new Dictionary<string, long> { [resource] = requested });
        if (overs.Count > 0)
        {
            throw new QuotaExceededException(message, [resource]);
        }
    }

    /// <summary>What the project uses of each resource nova counts (key pairs per <paramref name="userId"/>).</summary>
    public async Task<IReadOnlyDictionary<string, long>> CountAsync(string projectId, string? userId, CancellationToken cancellationToken)
    {
        var servers = await usage.GetUsageAsync(projectId, cancellationToken);
        var groups = await serverGroups.ListAsync(projectId, cancellationToken);
        var used = new Dictionary<string, long>
        {
            [ComputeQuotaResources.Instances] = servers.Instances,
            [ComputeQuotaResources.Cores] = servers.Cores,
            [ComputeQuotaResources.Ram] = servers.RamMb,
            [ComputeQuotaResources.ServerGroups] = groups.Count,
        };
        if (userId is not null)
        {
            used[ComputeQuotaResources.KeyPairs] = (await keypairs.ListAsync(userId, cancellationToken)).Count;
        }

        return used;
    }

    private static void Validate(IReadOnlyDictionary<string, int> limits)
    {
        foreach (var (resource, limit) in limits)
        {
            if (!ComputeQuotaResources.All.Contains(resource))
            {
                throw new BadRequestException($"Invalid input for field/attribute quota_set. Value: {resource}. Additional properties are not allowed ('{resource}' was unexpected)");
            }

            if (limit < ComputeQuotaResources.Unlimited)
            {
                throw new BadRequestException($"Invalid input for field/attribute {resource}. Value: {limit}. {limit} is less than the minimum of -1");
            }
        }
    }

    private static void Overlay(Dictionary<string, int> limits, QuotaDocument? overrides)
    {
        foreach (var (resource, limit) in overrides?.Limits ?? [])
        {
            limits[resource] = limit;
        }
    }

    // A lost race merges onto the update that landed first.
    private Task MergeAsync(string partition, string id, IReadOnlyDictionary<string, int> limits, CancellationToken cancellationToken) =>
        table.Documents.UpsertAsync<QuotaDocument>(partition, id, current =>
        {
            var merged = new Dictionary<string, int>(current?.Limits ?? []);
            foreach (var (resource, limit) in limits)
            {
                merged[resource] = limit;
            }

            return new QuotaDocument(merged);
        }, Retry, cancellationToken);

    /// <summary>The stored overrides of a project or quota class.</summary>
    private sealed record QuotaDocument(Dictionary<string, int> Limits);
}
