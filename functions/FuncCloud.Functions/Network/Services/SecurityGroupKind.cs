using System.Text.Json.Nodes;
using FuncCloud.Functions.Network.Api;
using FuncCloud.Shared.Network;
using FuncCloud.Shared.Security;

namespace FuncCloud.Functions.Network.Services;

/// <summary>
/// Security groups. Each project gets a <c>default</c> group on first use with neutron's default rules
/// (all egress; ingress only from members of the group), made once: its creation reserves
/// <c>default-sg:&lt;project&gt;</c>. A group's document embeds its rules and is compare-and-swapped
/// with every rule change, so list and show return the rules without a second read.
/// </summary>
public sealed class SecurityGroupKind(NeutronContext context) : ResourceKind(context)
{
    /// <summary>The name of the per-project default group.</summary>
    public const string DefaultName = "default";

    private static readonly HashSet<string> All = Standard("security_group_rules", "stateful", "shared");
    private static readonly HashSet<string> Creatable = Set("name", "description", "project_id", "tenant_id", "stateful");
    private static readonly HashSet<string> Updatable = Set("name", "description", "stateful");

    /// <inheritdoc />
    public override string Singular => ResourceKindNames.SecurityGroup;

    /// <inheritdoc />
    public override string Collection => "security_groups";

    /// <inheritdoc />
    public override string Path => "security-groups";

    /// <inheritdoc />
    public override IReadOnlySet<string> Attributes => All;

    /// <inheritdoc />
    protected override IReadOnlySet<string> CreateAttributes => Creatable;

    /// <inheritdoc />
    protected override IReadOnlySet<string> UpdateAttributes => Updatable;

    /// <inheritdoc />
    public override NeutronException NotFound(string id) => NeutronException.NotFound("SecurityGroupNotFound", $"Security group {id} does not exist");

    /// <summary>The project's default group id, created with its rules when missing.</summary>
    public async Task<string> EnsureDefaultAsync(string projectId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var owner = await Context.Store.KeyOwnerAsync(DefaultKey(projectId), cancellationToken);
            if (owner is not null)
            {
                return owner;
            }

            var group = NewDocument(projectId, new JsonObject { ["name"] = DefaultName, ["description"] = "Default security group" });
            var batch = new NetworkBatch().Reserve(DefaultKey(projectId), group.Id());
            var rules = new List<JsonObject>();
            foreach (var ethertype in new[] { "IPv4", "IPv6" })
            {
                rules.Add(SecurityGroupRuleKind.NewRule(Context, group.Id(), projectId, "egress", ethertype, null));
                rules.Add(SecurityGroupRuleKind.NewRule(Context, group.Id(), projectId, "ingress", ethertype, group.Id()));
            }

            Finish(group, request: null, rules);
            batch.Add(Singular, group);
            foreach (var rule in rules)
            {
                batch.Add(ResourceKindNames.SecurityGroupRule, rule).Reserve(SecurityGroupRuleKind.FingerprintKey(rule), rule.Id());
            }

            try
            {
                await Context.Store.CommitAsync(batch, cancellationToken);
                return group.Id();
            }
            catch (KeyTakenException) when (attempt < 3)
            {
                // Another request made it first: use that one.
            }
        }
    }

    /// <inheritdoc />
    public override async Task<Func<JsonObject, bool>> VisibilityAsync(RequestContext caller, CancellationToken cancellationToken)
    {
        if (caller.ProjectId is { } project)
        {
            await EnsureDefaultAsync(project, cancellationToken);
        }

        return await base.VisibilityAsync(caller, cancellationToken);
    }

    /// <inheritdoc />
    protected override Task<JsonObject> BuildAsync(RequestContext caller, string projectId, JsonObject request, NetworkBatch batch, CancellationToken cancellationToken)
    {
        if (request.Str("name") == DefaultName)
        {
            throw NeutronException.Conflict("SecurityGroupDefaultAlreadyExists", "Default security group already exists.");
        }

        var group = NewDocument(projectId, request);
        var rules = new[] { "IPv4", "IPv6" }.Select(e => SecurityGroupRuleKind.NewRule(Context, group.Id(), projectId, "egress", e, null)).ToList();
        Finish(group, request, rules);
        foreach (var rule in rules)
        {
            batch.Add(ResourceKindNames.SecurityGroupRule, rule).Reserve(SecurityGroupRuleKind.FingerprintKey(rule), rule.Id());
        }

        return Task.FromResult(group);
    }

    /// <inheritdoc />
    protected override Task<JsonObject> ApplyAsync(RequestContext caller, StoredResource current, JsonObject request, NetworkBatch batch, CancellationToken cancellationToken)
    {
        // neutron validates the name ("name_not_default") on update as on create, before the default-group rule.
        if (request.Str("name") == DefaultName)
        {
            throw NeutronException.Conflict("SecurityGroupDefaultAlreadyExists", "Default security group already exists.");
        }

        if (current.Body.Str("name") == DefaultName && request.ContainsKey("name"))
        {
            throw NeutronException.Conflict("SecurityGroupCannotUpdateDefault", "Updating default security group not allowed.");
        }

        return base.ApplyAsync(caller, current, request, batch, cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task OnDeleteAsync(RequestContext caller, StoredResource current, NetworkBatch batch, CancellationToken cancellationToken)
    {
        if (current.Body.Str("name") == DefaultName && !caller.IsAdmin)
        {
            throw NeutronException.Conflict("SecurityGroupCannotRemoveDefault", "Insufficient rights for removing default security group.");
        }

        if ((await Context.Store.ListAsync(ResourceKindNames.Port, cancellationToken)).Any(p => (p.Body.Strings("security_groups") ?? []).Contains(current.Id)))
        {
            throw NeutronException.Conflict("SecurityGroupInUse", $"Security Group {current.Id} in use.");
        }

        foreach (var rule in (await Context.Store.ListAsync(ResourceKindNames.SecurityGroupRule, cancellationToken)).Where(r => r.Body.Str("security_group_id") == current.Id))
        {
            batch.Delete(rule).Release(SecurityGroupRuleKind.FingerprintKey(rule.Body));
        }

        if (current.Body.Str("name") == DefaultName)
        {
            batch.Release(DefaultKey(current.Body.Project()));
        }
    }

    private static void Finish(JsonObject group, JsonObject? request, List<JsonObject> rules)
    {
        group["stateful"] = request?.Bool("stateful", true) ?? true;
        group["shared"] = false;
        group["security_group_rules"] = new JsonArray(rules.Select(r => (JsonNode?)r.Copy()).ToArray());
    }

    private static string DefaultKey(string projectId) => $"default-sg:{projectId}";
}
