using FuncCloud.Shared.Agents;
using FuncCloud.Shared.Agents.Nodes;
using FuncCloud.Shared.Compute.Nodes;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.Security;
using FuncCloud.Shared.Storage;

namespace FuncCloud.Functions.Compute.Nodes;

/// <summary>
/// The server side of the fleet routes (<see cref="ComputeNodeRoutes.FleetNodes"/>, <see cref="ComputeNodeRoutes.FleetHeartbeat"/>):
/// one agent process simulating many Fake nodes registers them in bulk and heartbeats them all in one call. Storage work
/// stays bounded by the fleet's size, not by its calls: registration inserts new nodes 100 per transaction; a heartbeat
/// reads the node names once (keys only), rewrites only the rows of nodes whose usage changed, and writes liveness to at
/// most <see cref="NodeLiveness.Buckets"/> rows. A fleet's nodes are alive exactly as long as the fleet's heartbeats
/// name them: liveness is per node, as for a node with its own agent.
/// </summary>
public sealed class FleetNodeService(ComputeNodeService single, ComputeNodeRepository nodes, NodeFleets fleets, TimeProvider time)
{
    private const int TransactionSize = 100;

    // How long the node names read for heartbeats are trusted: a node deleted meanwhile through another replica keeps
    // being beaten (harmless: only nodes with rows are read back) until then; names registered here join at once.
    private static readonly TimeSpan KnownNamesLifetime = TimeSpan.FromSeconds(60);
    private readonly SemaphoreSlim _knownGate = new(1, 1);
    private HashSet<string>? _known;
    private DateTimeOffset _knownAt;

    /// <summary>Registers (or updates) every node of <paramref name="registration"/> as a node of <paramref name="fleet"/>.</summary>
    public async Task<FleetRegistrationResult> RegisterAsync(RequestContext caller, string fleet, FleetRegistration registration, CancellationToken cancellationToken)
    {
        single.AuthorizeAgent(caller);
        ValidateFleet(fleet);
        if (registration.Nodes is null || registration.Nodes.Count is 0 or > FleetLimits.RegistrationBatch)
        {
            throw new BadRequestException($"A fleet registration carries 1 to {FleetLimits.RegistrationBatch} nodes.");
        }

        foreach (var node in registration.Nodes)
        {
            ValidateNode(node?.Name);
            if (node!.Registration is null)
            {
                throw new BadRequestException($"Node '{node.Name}' has no registration.");
            }
        }

        if (registration.Nodes.Select(n => n.Name).Distinct(StringComparer.Ordinal).Count() != registration.Nodes.Count)
        {
            throw new BadRequestException("A fleet registration names each node once.");
        }

        var known = await nodes.ListNamesAsync(cancellationToken);
        var now = time.GetUtcNow();
        var fresh = registration.Nodes.Where(n => !known.Contains(n.Name)).ToList();
        var created = 0;
        foreach (var chunk in fresh.Chunk(TransactionSize))
        {
            try
            {
                await nodes.InsertBatchAsync([.. chunk.Select(n => NewRecord(fleet, n, now))], cancellationToken);
                created += chunk.Length;
            }
            catch (DuplicateKeyException)
            {
                // Another registration raced this one: fall back to the per-node compare-and-swap for this chunk.
                foreach (var node in chunk)
                {
                    created += (await single.RegisterAsync(caller, node.Name, node.Registration with { Fleet = fleet }, cancellationToken)).Created ? 1 : 0;
                }
            }
        }

        foreach (var node in registration.Nodes.Where(n => known.Contains(n.Name)))
        {
            // A fleet restarting re-registers what the store holds: per-node CAS keeps operator state (enabled, forced down).
            await single.RegisterAsync(caller, node.Name, node.Registration with { Fleet = fleet }, cancellationToken);
        }

        foreach (var node in registration.Nodes)
        {
            fleets.Remember(node.Name, fleet);
        }

        await _knownGate.WaitAsync(cancellationToken);
        try
        {
            _known?.UnionWith(registration.Nodes.Select(n => n.Name));
        }
        finally
        {
            _knownGate.Release();
        }

        return new FleetRegistrationResult(created, registration.Nodes.Count - created);
    }

    /// <summary>Records one beat for every node named; answers the names the store does not know.</summary>
    public async Task<FleetHeartbeatResult> HeartbeatAsync(RequestContext caller, string fleet, FleetHeartbeat heartbeat, CancellationToken cancellationToken)
    {
        single.AuthorizeAgent(caller);
        ValidateFleet(fleet);
        var alive = heartbeat.Alive ?? [];
        var changed = heartbeat.Changed ?? [];
        if (alive.Count + changed.Count is 0 or > FleetLimits.HeartbeatBatch)
        {
            throw new BadRequestException($"A fleet heartbeat carries 1 to {FleetLimits.HeartbeatBatch} nodes.");
        }

        foreach (var name in alive.Concat(changed.Select(c => c?.Name)))
        {
            ValidateNode(name);
        }

        var known = await KnownNamesAsync(cancellationToken);
        var unknown = alive.Concat(changed.Select(c => c.Name)).Where(n => !known.Contains(n)).Distinct(StringComparer.Ordinal).ToList();
        var now = time.GetUtcNow();
        await Parallel.ForEachAsync(changed.Where(c => known.Contains(c.Name)), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (beat, ct) =>
            await nodes.UpdateIfChangedAsync(beat.Name, n => n.Resources == beat.Resources && n.InstanceCount == beat.InstanceCount
                ? null
                : n with { Resources = beat.Resources, InstanceCount = beat.InstanceCount, LastHeartbeatAt = now }, ct));
        await nodes.Liveness.BeatManyAsync(alive.Concat(changed.Select(c => c.Name)).Where(known.Contains), now, cancellationToken);
        return new FleetHeartbeatResult(unknown);
    }

    // The registered node names, read (keys only) at most once per KnownNamesLifetime, so a steady fleet's beat reads no rows.
    private async Task<IReadOnlySet<string>> KnownNamesAsync(CancellationToken cancellationToken)
    {
        await _knownGate.WaitAsync(cancellationToken);
        try
        {
            if (_known is null || time.GetUtcNow() - _knownAt > KnownNamesLifetime)
            {
                _knownAt = time.GetUtcNow();
                _known = [.. await nodes.ListNamesAsync(cancellationToken)];
            }

            return _known.ToHashSet(StringComparer.Ordinal);
        }
        finally
        {
            _knownGate.Release();
        }
    }

    private static ComputeNodeRecord NewRecord(string fleet, FleetNodeRegistration node, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid().ToString("D"),
        Name = node.Name,
        Hostname = node.Registration.Hostname,
        Roles = node.Registration.Roles,
        AvailabilityZone = node.Registration.AvailabilityZone,
        Driver = node.Registration.Driver,
        AgentVersion = node.Registration.AgentVersion,
        Resources = node.Registration.Resources,
        Fleet = fleet,
        RegisteredAt = now,
        LastHeartbeatAt = now,
    };

    private static void ValidateFleet(string fleet)
    {
        if (!AgentQueueNames.IsValidNodeName(fleet))
        {
            throw new BadRequestException($"Fleet name '{fleet}' must be a lower-case DNS label of at most 40 characters.");
        }
    }

    private static void ValidateNode(string? name)
    {
        if (!AgentQueueNames.IsValidNodeName(name))
        {
            throw new BadRequestException($"Node name '{name}' must be a lower-case DNS label of at most 40 characters.");
        }
    }
}
