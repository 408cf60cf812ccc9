using System.Text.RegularExpressions;
using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.Servers;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.OpenStack.Validation;

namespace FuncCloud.Functions.Compute.Servers.Services;

/// <summary>
/// Reading servers with nova's visibility: a project sees its own servers, admins see all; another
/// project's server, or a deleted one, is a 404 (never a 403 that would confirm it exists).
/// </summary>
public sealed class ServerQueries(ServerRepository servers, ServerPolicy policy)
{
    /// <summary>The server as <paramref name="call"/> may see it, allowed by <c>servers:show</c>.</summary>
    /// <exception cref="ServerNotFoundException">Missing, deleted, or another project's.</exception>
    public Task<ServerRecord> GetAsync(ComputeCall call, string serverId, CancellationToken cancellationToken) =>
        GetAsync(call, serverId, ServerPolicies.Show, cancellationToken);

    /// <summary>The server as <paramref name="call"/> may see it, then <paramref name="rule"/> enforced on it (404 before 403).</summary>
    /// <exception cref="ServerNotFoundException">Missing, deleted, or another project's.</exception>
    /// <exception cref="ForbiddenException">The rule denies it.</exception>
    public async Task<ServerRecord> GetAsync(ComputeCall call, string serverId, string rule, CancellationToken cancellationToken)
    {
        var server = await servers.FindAsync(serverId, cancellationToken);
        if (server is null || !IsVisible(call, server))
        {
            throw new ServerNotFoundException(serverId);
        }

        policy.Enforce(rule, call.Caller, server);
        return server;
    }

    /// <summary>True when <paramref name="call"/> may see <paramref name="server"/> (deleted ones are gone).</summary>
    public static bool IsVisible(ComputeCall call, ServerRecord server) =>
        !server.IsDeleted && (call.Caller.IsAdmin || server.ProjectId == call.Caller.ProjectId);

    /// <summary>
    /// The list API: api-ref filters, sort, <c>limit</c>/<c>marker</c>, in the caller's scope. <c>servers:index</c>/<c>detail</c>;
    /// asking for all tenants needs <c>...:get_all_tenants</c> (403 otherwise, as nova); admin-only filters need
    /// <c>allow_all_filters</c>. Nova's default order (created_at, then id) pages from the list index: one range
    /// query of about <c>limit</c> rows, storage filtering vm_state and updated_at; the other filters are checked on
    /// the rows as they stream, at most <see cref="ScanBound"/> rows a request. Another sort key reads every row.
    /// </summary>
    /// <exception cref="BadRequestException">A bad limit, sort key, or a marker that is not a server the caller may see.</exception>
    public async Task<NovaPage<ServerRecord>> PageAsync(ComputeCall call, bool detail, string collectionPath, CancellationToken cancellationToken)
    {
        policy.Enforce(detail ? ServerPolicies.Detail : ServerPolicies.Index, call.Caller);
        var allTenants = QueryParameters.Boolean(call.Request, "all_tenants", whenEmpty: true) == true;
        if (allTenants)
        {
            policy.Enforce(detail ? ServerPolicies.DetailAllTenants : ServerPolicies.IndexAllTenants, call.Caller);
        }

        var isAdmin = policy.IsAllowed(ServerPolicies.AllowAllFilters, call.Caller);
        var project = allTenants || isAdmin ? call.Query("project_id") ?? call.Query("tenant_id") : null;
        project ??= allTenants ? null : call.ProjectId;
        var changesSince = QueryParameters.Timestamp(call.Request, "changes-since");
        var changesBefore = QueryParameters.Timestamp(call.Request, "changes-before");
        var deleted = QueryParameters.Boolean(call.Request, "deleted") == true && isAdmin;
        var status = call.Query("status") is { Length: > 0 } s ? s.ToUpperInvariant() : null;
        var residual = ResidualFilters(call, isAdmin, status);
        var sortKey = call.Query("sort_key");
        var descending = QueryParameters.SortDescending(call.Request);
        var index = new ServerIndexQuery(
            project,
            descending,
            null,
            Live: !deleted,
            Deleted: deleted || changesSince is not null,
            status is null ? null : ServerStatus.VmStatesOf(status),
            changesSince,
            changesBefore);
        if (sortKey is null or "created_at" && await servers.IsIndexReadyAsync(cancellationToken))
        {
            return await IndexPageAsync(call, index, residual, collectionPath, cancellationToken);
        }

        // Another sort order (or rows from before the index, until its backfill ends): filter and sort every row.
        IEnumerable<ServerRecord> query = (await servers.ListAsync(cancellationToken))
            .Where(r => (index.ProjectId is null || r.ProjectId == index.ProjectId) && (r.IsDeleted ? index.Deleted : index.Live))
            .Where(r => index.VmStates is null || index.VmStates.Contains(r.VmState))
            .Where(r => (changesSince is null || r.UpdatedAt >= changesSince) && (changesBefore is null || r.UpdatedAt <= changesBefore))
            .Where(r => residual.All(f => f(r)));
        return NovaPaging.Apply(call.Request, Sort(query, sortKey, descending), r => r.Id, collectionPath);
    }

    /// <summary>Rows a filtered index read checks at most per request; a page cut short links on from the last row read.</summary>
    public const int ScanBound = 10_000;

    private async Task<NovaPage<ServerRecord>> IndexPageAsync(
        ComputeCall call, ServerIndexQuery index, IReadOnlyList<Func<ServerRecord, bool>> residual, string collectionPath, CancellationToken cancellationToken)
    {
        var limit = QueryParameters.Limit(call.Request);
        var size = Math.Min(limit ?? NovaPaging.MaxLimit, NovaPaging.MaxLimit);
        if (size == 0)
        {
            return new NovaPage<ServerRecord>([], null);
        }

        if (QueryParameters.Marker(call.Request) is { } markerId)
        {
            // As nova: the marker is any server of the caller's (or, for an admin, any), deleted ones included, so a
            // server deleted between two pages does not break the walk.
            var marker = await servers.FindAsync(markerId, cancellationToken);
            if (marker is null || !(call.Caller.IsAdmin || marker.ProjectId == call.Caller.ProjectId))
            {
                throw new BadRequestException($"marker [{markerId}] not found");
            }

            index = index with { After = marker };
        }

        var page = new List<ServerRecord>(Math.Min(size, 100));
        string? next = null;
        var scanned = 0;
        var storagePage = residual.Count == 0 ? size + 1 : Math.Clamp(size * 4, 100, 1000);
        await foreach (var server in servers.ReadIndexAsync(index, storagePage, cancellationToken))
        {
            if (page.Count == size)
            {
                // Nova links on from every full page; with no limit asked, only when more rows follow.
                next = page[^1].Id;
                break;
            }

            if (residual.All(f => f(server)))
            {
                page.Add(server);
            }

            if (++scanned >= ScanBound && page.Count < size)
            {
                next = server.Id;
                break;
            }
        }

        if (next is null && limit is not null && page.Count == size)
        {
            next = page[^1].Id;
        }

        return NovaPaging.Of(call.Request, page, next, size, collectionPath);
    }

    // The filters storage cannot evaluate on the index rows: checked on each row read (nova's regex on name, equality
    // on the rest, the task_state half of a status).
    private static List<Func<ServerRecord, bool>> ResidualFilters(ComputeCall call, bool isAdmin, string? status)
    {
        var filters = new List<Func<ServerRecord, bool>>();
        if (call.Query("name") is { Length: > 0 } name)
        {
            var regex = SafeRegex(name);
            filters.Add(s => regex.IsMatch(s.Name));
        }

        if (status is (ServerStatus.Reboot or ServerStatus.HardReboot or ServerStatus.Rebuild or ServerStatus.Resize))
        {
            filters.Add(s => s.Status == status);
        }

        Filter(filters, call.Query("flavor"), s => s.Flavor.Id);
        Filter(filters, call.Query("image"), s => s.ImageId);
        Filter(filters, call.Query("reservation_id"), s => s.ReservationId);
        Filter(filters, call.Query("availability_zone"), s => s.AvailabilityZone);
        Filter(filters, call.Query("key_name"), s => s.KeyName);
        if (isAdmin)
        {
            Filter(filters, call.Query("host") ?? call.Query("node"), s => s.Host);
            Filter(filters, call.Query("user_id"), s => s.UserId);
        }

        if (call.Version.IsAtLeast(2, 73) && QueryParameters.Boolean(call.Request, "locked") is { } locked)
        {
            filters.Add(s => s.Locked == locked);
        }

        if (call.Version.IsAtLeast(2, 26) && call.Query("tags") is { Length: > 0 } tags)
        {
            var all = tags.Split(',');
            filters.Add(s => all.All(s.Tags.Contains));
        }

        if (call.Version.IsAtLeast(2, 26) && call.Query("tags-any") is { Length: > 0 } tagsAny)
        {
            var any = tagsAny.Split(',');
            filters.Add(s => any.Any(s.Tags.Contains));
        }

        return filters;
    }

    private static void Filter(List<Func<ServerRecord, bool>> filters, string? value, Func<ServerRecord, string?> field)
    {
        if (!string.IsNullOrEmpty(value))
        {
            filters.Add(s => field(s) == value);
        }
    }

    private static List<ServerRecord> Sort(IEnumerable<ServerRecord> query, string? key, bool descending)
    {
        Func<ServerRecord, IComparable?> selector = (key ?? "created_at") switch
        {
            "created_at" => s => s.CreatedAt,
            "updated_at" => s => s.UpdatedAt,
            "display_name" or "name" => s => s.Name,
            "uuid" or "id" => s => s.Id,
            "vm_state" => s => s.VmState,
            "task_state" => s => s.TaskState,
            "power_state" => s => (int)s.PowerState,
            "host" or "node" => s => s.Host,
            "launched_at" => s => s.LaunchedAt,
            "availability_zone" => s => s.AvailabilityZone,
            "key_name" => s => s.KeyName,
            "project_id" => s => s.ProjectId,
            "user_id" => s => s.UserId,
            var other => throw new BadRequestException($"Invalid sort_key {other}"),
        };
        var ordered = descending ? query.OrderByDescending(selector).ThenByDescending(s => s.Id, StringComparer.Ordinal) : query.OrderBy(selector).ThenBy(s => s.Id, StringComparer.Ordinal);
        return [.. ordered];
    }

    private static Regex SafeRegex(string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100));
        }
        catch (ArgumentException)
        {
            return new Regex(Regex.Escape(pattern), RegexOptions.None, TimeSpan.FromMilliseconds(100));
        }
    }
}
