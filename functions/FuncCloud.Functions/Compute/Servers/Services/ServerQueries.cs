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
    /// The list API: api-ref filters, sort, in the caller's scope. <c>servers:index</c>/<c>detail</c>; asking for
    /// all tenants needs <c>...:get_all_tenants</c> (403 otherwise, as nova); admin-only filters need <c>allow_all_filters</c>.
    /// </summary>
    public async Task<IReadOnlyList<ServerRecord>> ListAsync(ComputeCall call, bool detail, CancellationToken cancellationToken)
    {
        policy.Enforce(detail ? ServerPolicies.Detail : ServerPolicies.Index, call.Caller);
        var allTenants = QueryParameters.Boolean(call.Request, "all_tenants", whenEmpty: true) == true;
        if (allTenants)
        {
            policy.Enforce(detail ? ServerPolicies.DetailAllTenants : ServerPolicies.IndexAllTenants, call.Caller);
        }

        var isAdmin = policy.IsAllowed(ServerPolicies.AllowAllFilters, call.Caller);
        var project = allTenants || isAdmin ? call.Query("project_id") ?? call.Query("tenant_id") : null;
        var changesSince = QueryParameters.Timestamp(call.Request, "changes-since");
        var changesBefore = QueryParameters.Timestamp(call.Request, "changes-before");
        var deleted = QueryParameters.Boolean(call.Request, "deleted") == true && isAdmin;
        IEnumerable<ServerRecord> query = await servers.ListAsync(cancellationToken);
        query = project is not null ? query.Where(s => s.ProjectId == project)
            : allTenants ? query
            : query.Where(s => s.ProjectId == call.ProjectId);
        query = changesSince is not null || deleted
            ? query.Where(s => !deleted || s.IsDeleted)
            : query.Where(s => !s.IsDeleted);
        if (changesSince is { } since)
        {
            query = query.Where(s => s.UpdatedAt >= since);
        }

        if (changesBefore is { } before)
        {
            query = query.Where(s => s.UpdatedAt <= before);
        }

        if (call.Query("name") is { Length: > 0 } name)
        {
            var regex = SafeRegex(name);
            query = query.Where(s => regex.IsMatch(s.Name));
        }

        if (call.Query("status") is { Length: > 0 } status)
        {
            var states = ServerStatus.VmStatesOf(status);
            query = query.Where(s => states.Contains(s.VmState) && (status.ToUpperInvariant() is not (ServerStatus.Reboot or ServerStatus.HardReboot or ServerStatus.Rebuild or ServerStatus.Resize) || s.Status == status.ToUpperInvariant()));
        }

        query = Filter(query, call.Query("flavor"), s => s.Flavor.Id);
        query = Filter(query, call.Query("image"), s => s.ImageId);
        query = Filter(query, call.Query("reservation_id"), s => s.ReservationId);
        query = Filter(query, call.Query("availability_zone"), s => s.AvailabilityZone);
        query = Filter(query, call.Query("key_name"), s => s.KeyName);
        if (isAdmin)
        {
            query = Filter(query, call.Query("host") ?? call.Query("node"), s => s.Host);
            query = Filter(query, call.Query("user_id"), s => s.UserId);
        }

        if (call.Version.IsAtLeast(2, 73) && QueryParameters.Boolean(call.Request, "locked") is { } locked)
        {
            query = query.Where(s => s.Locked == locked);
        }

        if (call.Version.IsAtLeast(2, 26) && call.Query("tags") is { Length: > 0 } tags)
        {
            var all = tags.Split(',');
            query = query.Where(s => all.All(s.Tags.Contains));
        }

        if (call.Version.IsAtLeast(2, 26) && call.Query("tags-any") is { Length: > 0 } tagsAny)
        {
            var any = tagsAny.Split(',');
            query = query.Where(s => any.Any(s.Tags.Contains));
        }

        return Sort(query, call.Query("sort_key"), QueryParameters.SortDescending(call.Request));
    }

    private static IEnumerable<ServerRecord> Filter(IEnumerable<ServerRecord> query, string? value, Func<ServerRecord, string?> field) =>
        string.IsNullOrEmpty(value) ? query : query.Where(s => field(s) == value);

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
