using System.Text.Json.Nodes;
using FuncCloud.Shared.Network;
using FuncCloud.Shared.Security;
using FuncCloud.Shared.Security.Policy;
using Microsoft.Extensions.DependencyInjection;

namespace FuncCloud.Functions.Network.Services;

/// <summary>What every resource kind shares: the store, the policy engine, the clock and the RBAC view.</summary>
public sealed class NeutronContext(NetworkStore store, PolicyEnforcer policy, TimeProvider clock, IServiceProvider services)
{
    private static readonly HashSet<string> AdminAttributes = new(NetworkPolicyDefaults.AdminAttributes, StringComparer.Ordinal);

    /// <summary>Enforces the project's quota for one more <paramref name="kind"/> (resolved lazily: quotas depend on this context).</summary>
    public Task CheckQuotaAsync(string kind, string projectId, CancellationToken cancellationToken) =>
        services.GetRequiredService<NetworkQuotas>().CheckAsync(kind, projectId, cancellationToken);

    /// <summary>
    /// Tells the nodes whose network state a committed change touches (resolved lazily like quotas; absent when
    /// the wiring is not registered). Never throws for a failed kick.
    /// </summary>
    public Task NetworkChangedAsync(string kind, IReadOnlyCollection<JsonObject> docs, CancellationToken cancellationToken) =>
        services.GetService<Wiring.NetworkSyncNotifier>()?.NotifyAsync(kind, docs, cancellationToken) ?? Task.CompletedTask;

    /// <summary>The store.</summary>
    public NetworkStore Store => store;

    /// <summary>The clock.</summary>
    public TimeProvider Clock => clock;

    /// <summary>Now, in neutron's timestamp format.</summary>
    public string Now => Attributes.Timestamp(clock.GetUtcNow());

    /// <summary>Enforces <paramref name="action"/> on a resource of <paramref name="projectId"/>.</summary>
    public void Enforce(string action, RequestContext caller, string projectId) =>
        policy.Enforce(action, caller, new Dictionary<string, string?> { ["project_id"] = projectId, ["tenant_id"] = projectId });

    /// <summary>True when <paramref name="action"/> is allowed on a resource of <paramref name="projectId"/>.</summary>
    public bool IsAllowed(string action, RequestContext caller, string projectId) =>
        policy.IsAllowed(action, caller, new Dictionary<string, string?> { ["project_id"] = projectId, ["tenant_id"] = projectId });

    /// <summary>Enforces the admin-only attribute rules (<c>create_network:shared</c> ...) for the attributes <paramref name="request"/> sets.</summary>
    public void EnforceAttributes(string action, RequestContext caller, string projectId, JsonObject request)
    {
        foreach (var (name, _) in request)
        {
            var rule = $"{action}:{name}";
            if (AdminAttributes.Contains(rule))
            {
                Enforce(rule, caller, projectId);
            }
        }
    }

    /// <summary>True when the caller may see <paramref name="rule"/>'s attribute (<c>get_port:binding:profile</c>).</summary>
    public bool MaySee(string rule, RequestContext caller, string projectId) => !AdminAttributes.Contains(rule) || IsAllowed(rule, caller, projectId);

    /// <summary>The RBAC policies granting <paramref name="projectId"/> (or everyone) <paramref name="action"/> on objects of <paramref name="objectType"/>.</summary>
    public async Task<HashSet<string>> RbacGrantsAsync(string objectType, string action, string? projectId, CancellationToken cancellationToken)
    {
        var grants = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rbac in await store.ListAsync(ResourceKindNames.RbacPolicy, cancellationToken))
        {
            var body = rbac.Body;
            var target = body.Str("target_tenant");
            if (body.Str("object_type") == objectType && body.Str("action") == action && (target == "*" || target == projectId))
            {
                grants.Add(body.Str("object_id")!);
            }
        }

        return grants;
    }

    /// <summary>
    /// The networks <paramref name="caller"/> may use beside its own: shared (flag or RBAC access_as_shared)
    /// and external ones (flag or RBAC access_as_external) — the view neutron's DB layer applies.
    /// </summary>
    public async Task<Func<JsonObject, bool>> NetworkVisibilityAsync(RequestContext caller, CancellationToken cancellationToken)
    {
        if (caller.IsAdmin)
        {
            return _ => true;
        }

        var shared = await RbacGrantsAsync("network", "access_as_shared", caller.ProjectId, cancellationToken);
        var external = await RbacGrantsAsync("network", "access_as_external", caller.ProjectId, cancellationToken);
        return network => network.Project() == caller.ProjectId || network.Bool("shared", false) || network.Bool("router:external", false)
            || shared.Contains(network.Id()) || external.Contains(network.Id());
    }

    /// <summary>True when <paramref name="caller"/> may plug ports and subnets into <paramref name="network"/> (own or shared, not just external).</summary>
    public async Task<bool> MayUseNetworkAsync(RequestContext caller, JsonObject network, CancellationToken cancellationToken) =>
        caller.IsAdmin || network.Project() == caller.ProjectId || network.Bool("shared", false)
        || (await RbacGrantsAsync("network", "access_as_shared", caller.ProjectId, cancellationToken)).Contains(network.Id());
}

/// <summary>The stored kind names (the singular resource names).</summary>
public static class ResourceKindNames
{
    public const string Network = "network";
    public const string Subnet = "subnet";
    public const string SubnetPool = "subnetpool";
    public const string Port = "port";
    public const string Router = "router";
    public const string FloatingIp = "floatingip";
    public const string SecurityGroup = "security_group";
    public const string SecurityGroupRule = "security_group_rule";
    public const string RbacPolicy = "rbac_policy";
    public const string Quota = "quota";
}
