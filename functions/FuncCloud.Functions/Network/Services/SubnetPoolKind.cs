using System.Text.Json.Nodes;
using FuncCloud.Functions.Network.Api;
using FuncCloud.Shared.Network;
using FuncCloud.Shared.Security;

namespace FuncCloud.Functions.Network.Services;

/// <summary>Subnet pools (subnet_allocation, default-subnetpools): prefixes subnets draw CIDRs from; one default pool per IP version.</summary>
public sealed class SubnetPoolKind(NeutronContext context) : ResourceKind(context)
{
    private static readonly HashSet<string> All = Standard(
        "prefixes", "default_prefixlen", "min_prefixlen", "max_prefixlen", "ip_version", "shared", "is_default", "default_quota", "address_scope_id");

    private static readonly HashSet<string> Creatable = Set(
        "name", "description", "project_id", "tenant_id", "prefixes", "default_prefixlen", "min_prefixlen", "max_prefixlen", "shared", "is_default", "default_quota", "address_scope_id");

    private static readonly HashSet<string> Updatable = Set("name", "description", "prefixes", "default_prefixlen", "min_prefixlen", "max_prefixlen", "is_default", "default_quota");

    /// <inheritdoc />
    public override string Singular => ResourceKindNames.SubnetPool;

    /// <inheritdoc />
    public override string Collection => "subnetpools";

    /// <inheritdoc />
    public override IReadOnlySet<string> Attributes => All;

    /// <inheritdoc />
    protected override IReadOnlySet<string> CreateAttributes => Creatable;

    /// <inheritdoc />
    protected override IReadOnlySet<string> UpdateAttributes => Updatable;

    /// <inheritdoc />
    public override NeutronException NotFound(string id) => NeutronException.NotFound("SubnetPoolNotFound", $"Subnet pool {id} could not be found.");

    /// <inheritdoc />
    public override Task<Func<JsonObject, bool>> VisibilityAsync(RequestContext caller, CancellationToken cancellationToken) =>
        Task.FromResult<Func<JsonObject, bool>>(p => caller.IsAdmin || p.Project() == caller.ProjectId || p.Bool("shared", false));

    /// <inheritdoc />
    protected override Task<JsonObject> BuildAsync(RequestContext caller, string projectId, JsonObject request, NetworkBatch batch, CancellationToken cancellationToken)
    {
        var doc = NewDocument(projectId, request);
        var prefixes = (request.Strings("prefixes") ?? throw NeutronException.BadRequest("Failed to parse request. Required attribute 'prefixes' not specified", "HTTPBadRequest"))
            .Select(p => IpMath.ParseCidr(p, "prefixes")).ToList();
        if (prefixes.Count == 0 || prefixes.Select(p => IpMath.Version(p.BaseAddress)).Distinct().Count() != 1)
        {
            throw NeutronException.BadRequest("Illegal subnetpool prefixes: all prefixes must be of one IP version.", "IllegalSubnetPoolPrefixBounds");
        }

        var version = IpMath.Version(prefixes[0].BaseAddress);
        var bits = version == 4 ? 32 : 128;
        var min = request.Int("min_prefixlen") ?? prefixes.Min(p => p.PrefixLength);
        var max = request.Int("max_prefixlen") ?? bits;
        var def = request.Int("default_prefixlen") ?? min;
        if (min > def || def > max || max > bits || min < 0)
        {
            throw NeutronException.BadRequest($"Illegal prefix bounds: min {min}, default {def}, max {max}.", "IllegalSubnetPoolPrefixBounds");
        }

        doc["prefixes"] = prefixes.Select(p => p.ToString()).ToJsonArray();
        doc["ip_version"] = version;
        doc["min_prefixlen"] = min;
        doc["max_prefixlen"] = max;
        doc["default_prefixlen"] = def;
        doc["shared"] = request.Bool("shared", false);
        doc["is_default"] = request.Bool("is_default", false);
        doc["default_quota"] = request.Int("default_quota");
        doc["address_scope_id"] = request.Str("address_scope_id");
        if (doc.Bool("is_default", false))
        {
            batch.Reserve($"default-pool:{version}", doc.Id());
        }

        return Task.FromResult(doc);
    }

    /// <inheritdoc />
    protected override Exception? OnKeyTaken(string key) => key.StartsWith("default-pool:", StringComparison.Ordinal)
        ? NeutronException.BadRequest($"Invalid input for operation: A default subnetpool for IPv{key[^1]} already exists.", "InvalidInput")
        : null;

    /// <inheritdoc />
    protected override async Task OnDeleteAsync(RequestContext caller, StoredResource current, NetworkBatch batch, CancellationToken cancellationToken)
    {
        if ((await Context.Store.ListAsync(ResourceKindNames.Subnet, cancellationToken)).Any(s => s.Body.Str("subnetpool_id") == current.Id))
        {
            throw NeutronException.Conflict("SubnetPoolInUse", $"Subnet pool {current.Id} cannot be deleted: subnets still use it.");
        }

        if (current.Body.Bool("is_default", false))
        {
            batch.Release($"default-pool:{current.Body.Int("ip_version")}");
        }
    }
}
