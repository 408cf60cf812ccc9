using Azure.Data.Tables;
using FuncCloud.Shared.Compute.Servers;
using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.Storage;

namespace FuncCloud.Shared.Compute.Quotas;

/// <summary>
/// Per-project server usage (instances, cores, RAM) kept as one counter row per project beside the server rows
/// (table <c>Servers</c>, partition <c>usage</c>), so quota checks are point reads, never a listing of servers.
/// A create reserves with compare-and-swap: the check and the increment are one write, so concurrent creates
/// against the last of a quota cannot all pass (exactly the quota's worth succeed) and a refusal names the real
/// usage. <see cref="ServerRepository"/> moves the counter when a server stops counting (deleted) or changes size
/// (resize), after its own compare-and-swap on the server row.
/// </summary>
/// <remarks>
/// A project without a counter row (servers created before counters existed) is counted once from its server
/// rows, and the count stored; from then on only the counter is read.
/// </remarks>
public sealed class ComputeUsageCounters(TableServiceClient tables, StorageNames names) : IComputeUsageSource
{
    private const string Partition = "usage";
    private const string ServerPartition = "server";

    // Replicas racing for one project's row lose swaps: retry long, with jitter.
    private static readonly CasRetry Retry = new(200, attempt => Random.Shared.Next(1, 5 + (5 * Math.Min(attempt, 20))));

    // Within one process the writers of a project's row queue up instead of racing: fifty concurrent creates
    // would otherwise spend most of their round trips on lost swaps. The swap still guards against other replicas.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);
    private readonly DocumentTable _table = new(tables, names, ServerRepository.TableName, OpenStackJson.Storage);
    private readonly string _scope = names.Table(ServerRepository.TableName);

    /// <inheritdoc />
    public async Task<ComputeUsage> GetUsageAsync(string projectId, CancellationToken cancellationToken) =>
        (await GetOrSeedAsync(projectId, cancellationToken)).Value;

    /// <inheritdoc />
    public async Task<ComputeUsage> ReserveAsync(string projectId, ComputeUsage requested, Action<ComputeUsage> ensureFits, CancellationToken cancellationToken)
    {
        var gate = Gate(projectId);
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await SwapAsync(projectId, requested, ensureFits, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<ComputeUsage> SwapAsync(string projectId, ComputeUsage requested, Action<ComputeUsage> ensureFits, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await GetOrSeedAsync(projectId, cancellationToken);
            ensureFits(current.Value);
            try
            {
                var reserved = current.Value + requested;
                await _table.ReplaceAsync(Partition, projectId, reserved, current.ETag, null, null, cancellationToken);
                return reserved;
            }
            catch (ConcurrencyException) when (attempt < Retry.MaxAttempts)
            {
                await Retry.PauseAsync(attempt, cancellationToken);
            }
        }
    }

    /// <inheritdoc />
    public async Task AddAsync(string projectId, ComputeUsage delta, CancellationToken cancellationToken)
    {
        if (delta == ComputeUsage.None)
        {
            return;
        }

        // No row yet: the first reader counts the server rows, which already include this change.
        var gate = Gate(projectId);
        await gate.WaitAsync(cancellationToken);
        try
        {
            await _table.UpdateAsync<ComputeUsage>(Partition, projectId, current => (current + delta).AtLeastZero(), Retry, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private SemaphoreSlim Gate(string projectId) => Gates.GetOrAdd(_scope + "/" + projectId, _ => new SemaphoreSlim(1, 1));

    private async Task<Document<ComputeUsage>> GetOrSeedAsync(string projectId, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (await _table.GetAsync<ComputeUsage>(Partition, projectId, cancellationToken) is { } existing)
            {
                return existing;
            }

            var servers = (await _table.ListAsync<ServerRecord>(ServerPartition, cancellationToken))
                .Select(d => d.Value)
                .Where(s => s.ProjectId == projectId)
                .Aggregate(ComputeUsage.None, (sum, s) => sum + ComputeUsage.Of(s));
            try
            {
                var etag = await _table.InsertAsync(Partition, projectId, servers, null, cancellationToken);
                return new Document<ComputeUsage>(projectId, servers, etag);
            }
            catch (DuplicateKeyException)
            {
                // Another request counted first: use its row.
            }
        }
    }
}
