using System.Text.Json.Nodes;
using FuncCloud.Functions.Network.Api;
using FuncCloud.Shared.Network;
using FuncCloud.Shared.Security;

namespace FuncCloud.Functions.Network.Services;

/// <summary>
/// RBAC policies (rbac-policies): share one network with one project (<c>access_as_shared</c>) or make it
/// usable as an external network for it (<c>access_as_external</c>); <c>*</c> targets every project (admin only).
/// </summary>
public sealed class RbacPolicyKind(NeutronContext context) : ResourceKind(context)
{
    private static readonly HashSet<string> All = Set("id", "project_id", "tenant_id", "object_type", "object_id", "action", "target_tenant");
    private static readonly HashSet<string> Creatable = Set("project_id", "tenant_id", "object_type", "object_id", "action", "target_tenant");

    /// <inheritdoc />
    public override string Singular => ResourceKindNames.RbacPolicy;

    /// <inheritdoc />
    public override string Collection => "rbac_policies";

    /// <inheritdoc />
    public override string Path => "rbac-policies";

    /// <inheritdoc />
    public override bool HasStandardAttributes => false;

    /// <inheritdoc />
    public override IReadOnlySet<string> Attributes => All;

    /// <inheritdoc />
    protected override IReadOnlySet<string> CreateAttributes => Creatable;

    /// <inheritdoc />
    protected override IReadOnlySet<string> UpdateAttributes => Set("target_tenant");

    /// <inheritdoc />
    public override NeutronException NotFound(string id) => NeutronException.NotFound("RbacPolicyNotFound", $"RBAC policy on object {id} not found.");

    /// <inheritdoc />
    protected override async Task<JsonObject> BuildAsync(RequestContext caller, string projectId, JsonObject request, NetworkBatch batch, CancellationToken cancellationToken)
    {
        var type = request.Str("object_type");
        if (type != "network")
        {
            throw NeutronException.InvalidInput($"object_type '{type}' is not supported (network).");
        }

        var action = request.Str("action");
        if (action is not ("access_as_shared" or "access_as_external"))
        {
            throw NeutronException.InvalidInput($"action '{action}' is not in [access_as_shared, access_as_external].");
        }

        var objectId = request.Str("object_id") ?? throw NeutronException.BadRequest("Failed to parse request. Required attribute 'object_id' not specified", "HTTPBadRequest");
        var network = await Context.Store.GetAsync(ResourceKindNames.Network, objectId, cancellationToken);
        if (network is null || (!caller.IsAdmin && network.Body.Project() != caller.ProjectId))
        {
            throw NeutronException.NotFound("NetworkNotFound", $"Network {objectId} could not be found.");
        }

        var target = request.Str("target_tenant") ?? throw NeutronException.BadRequest("Failed to parse request. Required attribute 'target_tenant' not specified", "HTTPBadRequest");
        if (target == "*")
        {
            Context.Enforce("create_rbac_policy:target_tenant", caller, projectId);
        }

        var doc = NewDocument(projectId, request, named: false);
        doc["object_type"] = type;
        doc["object_id"] = objectId;
        doc["action"] = action;
        doc["target_tenant"] = target;
        batch.Reserve(Key(doc), doc.Id());
        return doc;
    }

    /// <inheritdoc />
    protected override Task<JsonObject> ApplyAsync(RequestContext caller, StoredResource current, JsonObject request, NetworkBatch batch, CancellationToken cancellationToken)
    {
        var updated = current.Body.Copy();
        updated["target_tenant"] = request.Str("target_tenant") ?? current.Body.Str("target_tenant");
        if (updated.Str("target_tenant") == "*")
        {
            Context.Enforce("create_rbac_policy:target_tenant", caller, current.Body.Project());
        }

        batch.Release(Key(current.Body)).Reserve(Key(updated), current.Id);
        return Task.FromResult(updated);
    }

    /// <inheritdoc />
    protected override Task OnDeleteAsync(RequestContext caller, StoredResource current, NetworkBatch batch, CancellationToken cancellationToken)
    {
        batch.Release(Key(current.Body));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    protected override Exception? OnKeyTaken(string key) => key.StartsWith("rbac:", StringComparison.Ordinal)
        ? NeutronException.Conflict("DuplicateRbacPolicy", "An RBAC policy already exists with those values.")
        : null;

    private static string Key(JsonObject rbac) => $"rbac:{rbac.Str("object_id")}:{rbac.Str("action")}:{rbac.Str("target_tenant")}";
}
