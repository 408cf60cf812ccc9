using System.Globalization;
using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.Storage;

namespace FuncCloud.Shared.Compute.Aggregates;

/// <summary>Aggregates as documents of one partition, keyed by their integer id, names unique.</summary>
public sealed class AggregateStore(ComputeApiTable table)
{
    private const string Partition = "aggregate";
    private const int MaxAttempts = 10;
    private static readonly CasRetry Retry = new(MaxAttempts);

    /// <summary>Every aggregate, by id.</summary>
    public async Task<IReadOnlyList<Aggregate>> ListAsync(CancellationToken cancellationToken) =>
        (await table.Documents.ListAsync<Aggregate>(Partition, cancellationToken)).Select(d => d.Value).OrderBy(a => a.Id).ToList();

    /// <summary>The ids and versions of every aggregate, without their data: readers that cache aggregates check it.</summary>
    public Task<IReadOnlyList<DocumentStamp>> ListStampsAsync(CancellationToken cancellationToken) =>
        table.Documents.ListStampsAsync(Partition, cancellationToken);

    /// <summary>The aggregate <paramref name="id"/>.</summary>
    /// <exception cref="ComputeResourceNotFoundException">Missing.</exception>
    public async Task<Aggregate> GetAsync(string id, CancellationToken cancellationToken) =>
        (await table.Documents.GetAsync<Aggregate>(Partition, id, cancellationToken))?.Value ?? throw ComputeResourceNotFoundException.Aggregate(id);

    /// <summary>Inserts a new aggregate under a fresh id.</summary>
    /// <exception cref="ConflictException">The name exists.</exception>
    public async Task<Aggregate> CreateAsync(Func<int, Aggregate> create, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var existing = await ListAsync(cancellationToken);
            var aggregate = create(existing.Count == 0 ? 1 : existing.Max(a => a.Id) + 1);
            if (existing.Any(a => a.Name == aggregate.Name))
            {
                throw new ConflictException($"Aggregate {aggregate.Name} already exists.");
            }

            try
            {
                await table.Documents.InsertAsync(Partition, Key(aggregate.Id), aggregate, NameKey(aggregate.Name), cancellationToken);
                return aggregate;
            }
            catch (DuplicateKeyException) when (attempt < MaxAttempts)
            {
                // Someone took the id or the name concurrently: the next round tells which.
            }
        }
    }

    /// <summary>Applies <paramref name="change"/> with compare-and-swap.</summary>
    /// <exception cref="ConflictException">The new name exists.</exception>
    public async Task<Aggregate> UpdateAsync(string id, Func<Aggregate, Aggregate> change, CancellationToken cancellationToken)
    {
        Aggregate? attempted = null;
        try
        {
            return await table.Documents.UpdateAsync<Aggregate>(Partition, id, current => attempted = change(current), Retry, cancellationToken, a => NameKey(a.Name))
                ?? throw ComputeResourceNotFoundException.Aggregate(id);
        }
        catch (DuplicateKeyException)
        {
            throw new ConflictException($"Aggregate {attempted!.Name} already exists.");
        }
    }

    /// <summary>Deletes the aggregate.</summary>
    public async Task DeleteAsync(Aggregate aggregate, CancellationToken cancellationToken) =>
        await table.Documents.DeleteAsync(Partition, Key(aggregate.Id), NameKey(aggregate.Name), cancellationToken);

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static string NameKey(string name) => "name:" + name;
}
