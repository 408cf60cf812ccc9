using System.Text.Json.Nodes;
using FuncCloud.Functions.Network.Api;
using FuncCloud.Shared.Network;
using FuncCloud.Shared.Security;
using FuncCloud.Shared.Storage;

namespace FuncCloud.Functions.Network.Services;

/// <summary>
/// One Neutron resource type, the way neutron's RESOURCE_ATTRIBUTE_MAP plus its plugin describe it: the
/// attributes a create or update may carry, how a request becomes a stored document (and which IPAM keys it
/// reserves), what deleting it releases, and who sees it. Create, update and delete are compare-and-swap
/// loops over one batch: a lost race re-reads and re-plans, a taken reservation is retried or refused.
/// </summary>
public abstract class ResourceKind(NeutronContext context)
{
    private const int MaxAttempts = 12;

    /// <summary>The shared services.</summary>
    protected NeutronContext Context => context;

    /// <summary>The resource name (<c>network</c>), also the stored kind.</summary>
    public abstract string Singular { get; }

    /// <summary>The collection name in list bodies (<c>security_groups</c>).</summary>
    public abstract string Collection { get; }

    /// <summary>The collection's URL segment (neutron hyphenates some: <c>security-groups</c>).</summary>
    public virtual string Path => Collection;

    /// <summary>Every attribute of the wire document (filters and <c>fields=</c> accept these).</summary>
    public abstract IReadOnlySet<string> Attributes { get; }

    /// <summary>The attributes a create may carry.</summary>
    protected abstract IReadOnlySet<string> CreateAttributes { get; }

    /// <summary>The attributes an update may carry.</summary>
    protected abstract IReadOnlySet<string> UpdateAttributes { get; }

    /// <summary>True for resources with standard attributes (tags, revision, timestamps).</summary>
    public virtual bool HasStandardAttributes => true;

    /// <summary>True for resources with <c>/tags</c> (standard-attr-tag).</summary>
    public virtual bool Taggable => true;

    /// <summary>The 404 for <paramref name="id"/>.</summary>
    public abstract NeutronException NotFound(string id);

    /// <summary>Who sees which documents (default: own project, admins everything).</summary>
    public virtual Task<Func<JsonObject, bool>> VisibilityAsync(RequestContext caller, CancellationToken cancellationToken) =>
        Task.FromResult<Func<JsonObject, bool>>(doc => caller.IsAdmin || doc.Project() == caller.ProjectId);

    /// <summary>The document as <paramref name="caller"/> may see it (admin-only attributes removed).</summary>
    public virtual JsonObject Render(RequestContext caller, JsonObject doc) => doc.Copy();

    /// <summary>Plans a create: the new document, and any reservation or related change in <paramref name="batch"/>.</summary>
    protected abstract Task<JsonObject> BuildAsync(RequestContext caller, string projectId, JsonObject request, NetworkBatch batch, CancellationToken cancellationToken);

    /// <summary>Plans an update of <paramref name="current"/>; the default copies the updatable attributes.</summary>
    protected virtual Task<JsonObject> ApplyAsync(RequestContext caller, StoredResource current, JsonObject request, NetworkBatch batch, CancellationToken cancellationToken)
    {
        var updated = current.Body.Copy();
        foreach (var (name, value) in request)
        {
            updated[name] = value?.DeepClone();
        }

        return Task.FromResult(updated);
    }

    /// <summary>Plans a delete: checks it is allowed (in use → 409) and releases what the resource holds.</summary>
    protected virtual Task OnDeleteAsync(RequestContext caller, StoredResource current, NetworkBatch batch, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The error for a reservation that was taken, or null to re-plan (an automatic choice lost a race).</summary>
    protected virtual Exception? OnKeyTaken(string key) => null;

    /// <summary>Runs after a create commits (e.g. a project's default security group).</summary>
    protected virtual Task AfterCreateAsync(RequestContext caller, JsonObject created, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs after a delete commits (e.g. a floating IP's usage lifecycle ends).</summary>
    protected virtual Task AfterDeleteAsync(JsonObject deleted, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Creates a resource from the body's inner object.</summary>
    public async Task<JsonObject> CreateAsync(RequestContext caller, JsonObject request, CancellationToken cancellationToken)
    {
        CheckAttributes(request, CreateAttributes);
        var projectId = request.Str("project_id") ?? request.Str("tenant_id") ?? caller.ProjectId
            ?? throw NeutronException.BadRequest("'project_id' must be specified for a token without a project.", "HTTPBadRequest");
        Context.Enforce($"create_{Singular}", caller, projectId);
        Context.EnforceAttributes($"create_{Singular}", caller, projectId, request);
        await Context.CheckQuotaAsync(Singular, projectId, cancellationToken);
        var created = await CommitLoopAsync(async batch =>
        {
            var doc = await BuildAsync(caller, projectId, request, batch, cancellationToken);
            batch.Add(Singular, doc);
            return doc;
        }, cancellationToken);
        await AfterCreateAsync(caller, created, cancellationToken);
        await Context.NetworkChangedAsync(Singular, [created], cancellationToken);
        return created;
    }

    /// <summary>
    /// Neutron's bulk create: every item or none. Items are created in order; when one fails, the ones already
    /// made are deleted again (as neutron's emulated bulk does) and the failure is the answer.
    /// </summary>
    public async Task<IReadOnlyList<JsonObject>> CreateBulkAsync(RequestContext caller, JsonArray items, CancellationToken cancellationToken)
    {
        var requests = items.Select(i => i as JsonObject ?? throw NeutronException.BadRequest($"Resource body required: each item of '{Collection}' must be an object.", "HTTPBadRequest")).ToList();
        if (requests.Count == 0)
        {
            throw NeutronException.BadRequest($"Resources required: '{Collection}' is empty.", "HTTPBadRequest");
        }

        var created = new List<JsonObject>();
        try
        {
            foreach (var request in requests)
            {
                created.Add(await CreateAsync(caller, request, cancellationToken));
            }

            return created;
        }
        catch
        {
            foreach (var made in Enumerable.Reverse(created))
            {
                await DeleteAsync(caller, made.Id(), CancellationToken.None);
            }

            throw;
        }
    }

    /// <summary>Updates a resource; <paramref name="ifMatch"/> is the revision an <c>If-Match</c> header demands.</summary>
    public async Task<JsonObject> UpdateAsync(RequestContext caller, string id, JsonObject request, long? ifMatch, CancellationToken cancellationToken)
    {
        CheckAttributes(request, UpdateAttributes);
        JsonObject? before = null;
        var after = await CommitLoopAsync(async batch =>
        {
            var current = await RequireAsync(caller, id, cancellationToken);
            before = current.Body;
            CheckRevision(current.Body, ifMatch);
            Context.Enforce($"update_{Singular}", caller, current.Body.Project());
            Context.EnforceAttributes($"update_{Singular}", caller, current.Body.Project(), request);
            var updated = await ApplyAsync(caller, current, request, batch, cancellationToken);
            Touch(updated);
            batch.Replace(current, updated);
            return updated;
        }, cancellationToken);
        await Context.NetworkChangedAsync(Singular, before is null ? [after] : [before, after], cancellationToken);
        return after;
    }

    /// <summary>Deletes a resource.</summary>
    public async Task DeleteAsync(RequestContext caller, string id, CancellationToken cancellationToken)
    {
        var deleted = await CommitLoopAsync(async batch =>
        {
            var current = await RequireAsync(caller, id, cancellationToken);
            Context.Enforce($"delete_{Singular}", caller, current.Body.Project());
            await OnDeleteAsync(caller, current, batch, cancellationToken);
            batch.Delete(current);
            return current.Body;
        }, cancellationToken);
        await AfterDeleteAsync(deleted, cancellationToken);
        await Context.NetworkChangedAsync(Singular, [deleted], cancellationToken);
    }

    /// <summary>Changes the tags of a resource (<c>standard-attr-tag</c>); bumps its revision.</summary>
    public Task<JsonObject> ChangeTagsAsync(RequestContext caller, string id, Func<List<string>, List<string>> change, CancellationToken cancellationToken) =>
        CommitLoopAsync(async batch =>
        {
            var current = await RequireAsync(caller, id, cancellationToken);
            Context.Enforce($"update_{Singular}", caller, current.Body.Project());
            var updated = current.Body.Copy();
            updated["tags"] = change(current.Body.Strings("tags") ?? []).Distinct(StringComparer.Ordinal).ToJsonArray();
            Touch(updated);
            batch.Replace(current, updated);
            return updated;
        }, cancellationToken);

    /// <summary>The document <paramref name="id"/> if <paramref name="caller"/> sees it; 404 otherwise.</summary>
    public async Task<StoredResource> RequireAsync(RequestContext caller, string id, CancellationToken cancellationToken)
    {
        var stored = await Context.Store.GetAsync(Singular, id, cancellationToken);
        if (stored is null || !(await VisibilityAsync(caller, cancellationToken))(stored.Body))
        {
            throw NotFound(id);
        }

        Context.Enforce($"get_{Singular}", caller, stored.Body.Project());
        return stored;
    }

    /// <summary>Every document <paramref name="caller"/> sees.</summary>
    public async Task<IReadOnlyList<JsonObject>> ListVisibleAsync(RequestContext caller, CancellationToken cancellationToken)
    {
        Context.Enforce($"get_{Singular}", caller, caller.ProjectId ?? string.Empty);
        var visible = await VisibilityAsync(caller, cancellationToken);
        return (await Context.Store.ListAsync(Singular, cancellationToken)).Select(r => r.Body).Where(visible).ToList();
    }

    /// <summary>A new document with the standard attributes (id, project, description, tags, timestamps, revision).</summary>
    protected JsonObject NewDocument(string projectId, JsonObject request, bool named = true)
    {
        var doc = new JsonObject { ["id"] = Guid.NewGuid().ToString("D") };
        if (named)
        {
            doc["name"] = request.StrOr("name", string.Empty);
        }

        doc["project_id"] = projectId;
        doc["tenant_id"] = projectId;
        if (HasStandardAttributes)
        {
            doc["description"] = request.StrOr("description", string.Empty);
            if (Taggable)
            {
                doc["tags"] = new JsonArray();
            }

            doc["created_at"] = Context.Now;
            doc["updated_at"] = Context.Now;
            doc["revision_number"] = 0;
        }

        return doc;
    }

    /// <summary>The common attributes every kind with standard attributes has.</summary>
    protected static HashSet<string> Standard(params string[] more) =>
        new(["id", "name", "project_id", "tenant_id", "description", "tags", "created_at", "updated_at", "revision_number", .. more], StringComparer.Ordinal);

    /// <summary>An attribute set.</summary>
    protected static HashSet<string> Set(params string[] names) => new(names, StringComparer.Ordinal);

    private void Touch(JsonObject updated)
    {
        if (HasStandardAttributes)
        {
            updated["revision_number"] = (updated.Int("revision_number") ?? 0) + 1;
            updated["updated_at"] = Context.Now;
        }
    }

    private static void CheckRevision(JsonObject current, long? ifMatch)
    {
        if (ifMatch is { } expected && (current.Int("revision_number") ?? 0) != expected)
        {
            throw new RevisionMismatchException($"Constraint revision_number={expected} does not match; the current revision is {current.Int("revision_number") ?? 0}.");
        }
    }

    private void CheckAttributes(JsonObject request, IReadOnlySet<string> allowed)
    {
        var unknown = request.Select(p => p.Key).Where(k => !allowed.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw NeutronException.BadRequest($"Unrecognized attribute(s) '{string.Join(", ", unknown)}'", "HTTPBadRequest");
        }
    }

    private async Task<JsonObject> CommitLoopAsync(Func<NetworkBatch, Task<JsonObject>> plan, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var batch = new NetworkBatch();
            var result = await plan(batch);
            try
            {
                await Context.Store.CommitAsync(batch, cancellationToken);
                return result;
            }
            catch (KeyTakenException e) when (OnKeyTaken(e.Key) is { } refusal)
            {
                throw refusal;
            }
            catch (Exception e) when (e is KeyTakenException or ConcurrencyException && attempt < MaxAttempts)
            {
                // Another writer won this round: back off a little (jittered) and plan again on fresh state.
                await Task.Delay(Random.Shared.Next(1, 10 * attempt), cancellationToken);
            }
            catch (Exception e) when (e is KeyTakenException or ConcurrencyException)
            {
                throw NeutronException.Conflict("Conflict", $"The {Singular} changed concurrently too often; retry the request.");
            }
        }
    }
}
