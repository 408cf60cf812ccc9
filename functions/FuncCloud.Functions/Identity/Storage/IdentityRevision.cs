using FuncCloud.Shared.Storage;
using Microsoft.Extensions.Options;

namespace FuncCloud.Functions.Identity.Storage;

/// <summary>
/// A counter bumped by every identity change. Caches (validated tokens, the identity snapshot) are
/// valid only for the revision they were built at: a change made by this replica is seen at once, one
/// made by another replica within <see cref="IdentityOptions.RevisionCheckInterval"/>.
/// </summary>
public sealed class IdentityRevision(DocumentTable table, IOptions<IdentityOptions> options, TimeProvider clock)
{
    private const string Id = "revision";
    private long _value = -1;
    private DateTimeOffset _checkedAt = DateTimeOffset.MinValue;

    /// <summary>The current revision (read from storage at most once per check interval).</summary>
    public async Task<long> CurrentAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Read(ref _value) >= 0 && clock.GetUtcNow() - _checkedAt < options.Value.RevisionCheckInterval)
        {
            return Interlocked.Read(ref _value);
        }

        var document = await table.GetAsync<RevisionDocument>(IdentityKinds.Meta, Id, cancellationToken);
        Observe(document?.Value.Value ?? 0);
        return Interlocked.Read(ref _value);
    }

    /// <summary>Increments the revision (compare-and-swap, retried on contention).</summary>
    public async Task BumpAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var document = await table.GetAsync<RevisionDocument>(IdentityKinds.Meta, Id, cancellationToken);
            try
            {
                var next = (document?.Value.Value ?? 0) + 1;
                if (document is null)
                {
                    await table.InsertAsync(IdentityKinds.Meta, Id, new RevisionDocument(next), null, cancellationToken);
                }
                else
                {
                    await table.ReplaceAsync(IdentityKinds.Meta, Id, new RevisionDocument(next), document.ETag, null, null, cancellationToken);
                }

                Observe(next);
                return;
            }
            catch (Exception e) when (e is ConcurrencyException or DuplicateKeyException)
            {
                // Another writer bumped it first: bump on top of theirs.
            }
        }
    }

    private void Observe(long value)
    {
        long current;
        do
        {
            current = Interlocked.Read(ref _value);
        }
        while (value > current && Interlocked.CompareExchange(ref _value, value, current) != current);

        _checkedAt = clock.GetUtcNow();
    }

    private sealed record RevisionDocument(long Value);
}
