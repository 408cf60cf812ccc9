using FuncCloud.Functions.ObjectStorage.Api;
using FuncCloud.Shared.ObjectStorage;
using FuncCloud.Shared.Security.Policy;
using Microsoft.AspNetCore.Http;
using Actions = FuncCloud.Functions.ObjectStorage.Services.ObjectStoragePolicyDefaults.Actions;

namespace FuncCloud.Functions.ObjectStorage.Services;

/// <summary>What a call does, for authorization.</summary>
public enum SwiftAccessKind
{
    /// <summary>HEAD/GET account: the owner's (or a reader's) business only.</summary>
    AccountRead,

    /// <summary>POST account, PUT/POST/DELETE container.</summary>
    AccountWrite,

    /// <summary>GET/HEAD container: owner, a read grant, or <c>.r:*</c> with <c>.rlistings</c>.</summary>
    ContainerList,

    /// <summary>GET/HEAD object: owner, a read grant, a referrer ACL or a TempURL.</summary>
    ObjectRead,

    /// <summary>PUT/POST/DELETE/COPY object: owner, a write grant or a TempURL.</summary>
    ObjectWrite,
}

/// <summary>
/// Swift's keystoneauth: the policy decides what the token's roles allow on the account's project; container
/// ACLs (<c>X-Container-Read</c>/<c>-Write</c>: <c>.r:*</c>, <c>.r:host</c>, <c>.rlistings</c>,
/// <c>project:user</c> with ids, names or <c>*</c>, and role names) and TempURLs grant the rest. A refusal is
/// 401 for an anonymous caller and 403 for a known one, as in swift.
/// </summary>
public sealed class SwiftAccess(PolicyEnforcer policy, SwiftStore store, TempUrlValidator tempUrls, TimeProvider clock)
{
    /// <summary>True when the caller acts as the account's owner for <paramref name="kind"/> (no ACL needed).</summary>
    public bool IsOwner(SwiftCall call, SwiftAccessKind kind) =>
        call.Caller is { } caller && policy.IsAllowed(IsRead(kind) ? Actions.Read : Actions.Write, caller, Target(call));

    /// <summary>True when the caller may set account quotas (swift's reseller admin).</summary>
    public bool IsResellerAdmin(SwiftCall call) => call.Caller is { } caller && policy.IsAllowed(Actions.SetAccountQuota, caller, Target(call));

    /// <summary>Throws unless the call may do <paramref name="kind"/>.</summary>
    /// <exception cref="SwiftException">401 (anonymous) or 403.</exception>
    public async Task AuthorizeAsync(SwiftCall call, SwiftAccessKind kind, CancellationToken cancellationToken)
    {
        if (TempUrlValidator.IsTempUrl(call.Request))
        {
            if (kind is SwiftAccessKind.ObjectRead or SwiftAccessKind.ObjectWrite && await tempUrls.IsValidAsync(call, cancellationToken))
            {
                return;
            }

            throw new SwiftException(StatusCodes.Status401Unauthorized, "401 Unauthorized: Temp URL invalid\n");
        }

        if (call.Path.ProjectId.Length == 0)
        {
            throw Denied(call);
        }

        if (IsOwner(call, kind))
        {
            return;
        }

        if (kind is SwiftAccessKind.AccountRead or SwiftAccessKind.AccountWrite || call.Path.Container is null)
        {
            throw Denied(call);
        }

        var container = (await store.GetContainerAsync(call.Account, call.Container, cancellationToken))?.Value;
        var allowed = container is not null && (kind == SwiftAccessKind.ObjectWrite
            ? GrantsAny(container.Write, call)
            : ReferrerAllows(container.Read, call, kind == SwiftAccessKind.ContainerList) || GrantsAny(container.Read, call));
        if (!allowed)
        {
            throw Denied(call);
        }
    }

    /// <summary>The 401/403 for a refused call.</summary>
    public static SwiftException Denied(SwiftCall call) =>
        new(call.Caller is null ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden);

    /// <summary>The current time (expiry checks share the clock).</summary>
    public DateTimeOffset Now => clock.GetUtcNow();

    private static bool IsRead(SwiftAccessKind kind) => kind is SwiftAccessKind.AccountRead or SwiftAccessKind.ContainerList or SwiftAccessKind.ObjectRead;

    private static Dictionary<string, string?> Target(SwiftCall call) => new() { ["project_id"] = call.Path.ProjectId };

    private static IEnumerable<string> Elements(string? acl) =>
        (acl ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    // .r:* (or .r:host, .r:.domain, .r:-host to refuse) lets anyone read objects; listings also need .rlistings.
    private static bool ReferrerAllows(string? acl, SwiftCall call, bool listing)
    {
        var elements = Elements(acl).ToList();
        if (listing && !elements.Contains(".rlistings", StringComparer.Ordinal))
        {
            return false;
        }

        var host = Uri.TryCreate(call.Header("Referer"), UriKind.Absolute, out var referer) ? referer.Host : string.Empty;
        var allowed = false;
        foreach (var element in elements.Where(e => e.StartsWith(".r:", StringComparison.Ordinal) || e.StartsWith(".referrer:", StringComparison.Ordinal)))
        {
            var value = element[(element.IndexOf(':') + 1)..];
            var deny = value.StartsWith('-');
            value = value.TrimStart('-');
            var matches = value == "*" || (host.Length > 0 && (value.StartsWith('.') ? host.EndsWith(value, StringComparison.OrdinalIgnoreCase) : host.Equals(value, StringComparison.OrdinalIgnoreCase)));
            if (matches)
            {
                allowed = !deny;
            }
        }

        return allowed;
    }

    private static bool GrantsAny(string? acl, SwiftCall call)
    {
        if (call.Caller is not { } caller)
        {
            return false;
        }

        foreach (var element in Elements(acl).Where(e => !e.StartsWith('.')))
        {
            var colon = element.IndexOf(':');
            if (colon < 0)
            {
                // A role name: granted to the account's own project members holding it.
                if (caller.ProjectId == call.Path.ProjectId && caller.HasRole(element))
                {
                    return true;
                }

                continue;
            }

            var (project, user) = (element[..colon], element[(colon + 1)..]);
            var projectMatches = project == "*" || project == caller.ProjectId || project == caller.ProjectName;
            var userMatches = user == "*" || user == caller.UserId || user == caller.UserName;
            if (projectMatches && userMatches)
            {
                return true;
            }
        }

        return false;
    }
}
