using Azure;
using Azure.Data.Tables;
using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.Storage;
using Microsoft.Extensions.Options;

namespace FuncCloud.Shared.Security.Fernet;

/// <summary>Fernet key management settings, bound from <c>FuncCloud:Identity:Fernet</c>.</summary>
public sealed class FernetOptions
{
    /// <summary>Keys kept: the staged key, the primary and the newest secondaries (keystone's max_active_keys).</summary>
    public int MaxActiveKeys { get; set; } = 3;

    /// <summary>How long a replica trusts its cached key ring before reading it again.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>The keys in use: the primary encrypts; all of them (primary first) decrypt.</summary>
public sealed record FernetKeySet(FernetKey Primary, IReadOnlyList<FernetKey> All);

/// <summary>
/// The key repository, keystone's layout kept as one document in storage: index 0 is the staged key
/// (already accepted, the next primary), the highest index is the primary, the rest are secondaries
/// (still accepted so tokens encrypted before a rotation stay valid until they expire). The whole ring
/// is one row, so a rotation is one compare-and-swap and replicas never see half of it.
/// </summary>
public sealed class FernetKeyRepository(TableServiceClient tables, StorageNames names, IOptions<FernetOptions> options, TimeProvider clock)
{
    private const string Partition = "fernet";
    private const string RingId = "keyring";
    private readonly DocumentTable _table = new(tables, names, "FernetKeys", OpenStackJson.Storage);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Cached? _cached;

    /// <summary>The current keys, initialising the repository (staged + primary) on first use.</summary>
    public async Task<FernetKeySet> GetKeysAsync(CancellationToken cancellationToken)
    {
        var cached = _cached;
        if (cached is not null && clock.GetUtcNow() - cached.LoadedAt < options.Value.RefreshInterval)
        {
            return cached.Keys;
        }

        return await ReloadAsync(cancellationToken);
    }

    /// <summary>
    /// Reads the ring again when the cached copy is older than a second (a token no key opens may be signed
    /// by a key another replica just rotated in; the limit keeps garbage tokens from hammering storage).
    /// </summary>
    public async Task<FernetKeySet> RefreshAsync(CancellationToken cancellationToken)
    {
        var cached = _cached;
        return cached is not null && clock.GetUtcNow() - cached.LoadedAt < TimeSpan.FromSeconds(1)
            ? cached.Keys
            : await ReloadAsync(cancellationToken);
    }

    /// <summary>Reads the ring again now.</summary>
    public async Task<FernetKeySet> ReloadAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var document = await _table.GetAsync<KeyRing>(Partition, RingId, cancellationToken);
            if (document is null)
            {
                var ring = new KeyRing(new Dictionary<int, string> { [0] = FernetKey.Generate().Encoded, [1] = FernetKey.Generate().Encoded });
                try
                {
                    await _table.InsertAsync(Partition, RingId, ring, null, cancellationToken);
                }
                catch (DuplicateKeyException)
                {
                    // Another replica initialised it first: use theirs.
                }

                document = await _table.GetAsync<KeyRing>(Partition, RingId, cancellationToken);
            }

            var keys = ToKeySet(document!.Value);
            _cached = new Cached(keys, clock.GetUtcNow());
            return keys;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Rotates like <c>keystone-manage fernet_rotate</c>: the staged key becomes the primary (next index),
    /// a new staged key is generated, and the oldest secondaries beyond <see cref="FernetOptions.MaxActiveKeys"/> go.
    /// </summary>
    public async Task RotateAsync(CancellationToken cancellationToken)
    {
        await GetKeysAsync(cancellationToken);
        while (true)
        {
            var document = (await _table.GetAsync<KeyRing>(Partition, RingId, cancellationToken))!;
            var keys = new SortedDictionary<int, string>(document.Value.Keys.ToDictionary());
            var next = keys.Keys.Max() + 1;
            keys[next] = keys[0];
            keys[0] = FernetKey.Generate().Encoded;
            foreach (var index in keys.Keys.Where(i => i != 0).OrderBy(i => i).Take(Math.Max(0, keys.Count - Math.Max(2, options.Value.MaxActiveKeys))).ToList())
            {
                keys.Remove(index);
            }

            try
            {
                await _table.ReplaceAsync(Partition, RingId, new KeyRing(keys), document.ETag, null, null, cancellationToken);
                break;
            }
            catch (ConcurrencyException)
            {
                // Another replica rotated at the same time: rotate on top of theirs.
            }
        }

        await ReloadAsync(cancellationToken);
    }

    private static FernetKeySet ToKeySet(KeyRing ring)
    {
        var ordered = ring.Keys.OrderByDescending(p => p.Key).Select(p => FernetKey.Parse(p.Value)).ToList();
        return new FernetKeySet(ordered[0], ordered);
    }

    private sealed record KeyRing(IReadOnlyDictionary<int, string> Keys);

    private sealed record Cached(FernetKeySet Keys, DateTimeOffset LoadedAt);
}
