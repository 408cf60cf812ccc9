using FuncCloud.Shared.OpenStack.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace FuncCloud.Functions.Alarming.Services;

/// <summary>
/// Which action URLs an alarm may carry: <c>log://</c> (admins only, as aodh limits it) and <c>http(s)://</c> to
/// the hosts the operator allows (<see cref="AlarmingOptions.AllowedActionHosts"/>, loopback by default).
/// </summary>
public sealed class ActionPolicy(IOptions<AlarmingOptions> options)
{
    /// <summary>The schemes the notifier implements.</summary>
    public const string Log = "log";

    private readonly HashSet<string> _hosts = new(
        options.Value.AllowedActionHosts.Count > 0 ? options.Value.AllowedActionHosts : AlarmingOptions.LoopbackHosts,
        StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The actions with duplicates dropped (aodh does the same); 400 for a URL that does not parse, an
    /// unsupported scheme or a host not allowed, 401 for <c>log://</c> from a project-limited caller.
    /// </summary>
    public IReadOnlyList<string> Check(IReadOnlyList<string> actions, bool projectLimited)
    {
        foreach (var action in actions)
        {
            if (!Uri.TryCreate(action, UriKind.Absolute, out var url))
            {
                throw new BadRequestException($"Unable to parse action {action}");
            }

            if (url.Scheme == Log)
            {
                if (projectLimited)
                {
                    throw new ActionNotAuthorizedException(action);
                }

                continue;
            }

            if (url.Scheme is not ("http" or "https") || !_hosts.Contains(url.Host) && !_hosts.Contains(url.IdnHost))
            {
                throw new BadRequestException($"Unsupported action {action}");
            }
        }

        return [.. actions.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>True when a stored action may still be fired (the allowlist may have shrunk since it was created).</summary>
    public bool MayFire(Uri url) => url.Scheme == Log || url.Scheme is "http" or "https" && (_hosts.Contains(url.Host) || _hosts.Contains(url.IdnHost));
}

/// <summary>401: aodh lets only unlimited (admin) callers create <c>log://</c> actions.</summary>
public sealed class ActionNotAuthorizedException(string action)
    : OpenStackException(StatusCodes.Status401Unauthorized, "Unauthorized", $"You are not authorized to create action: {action}");
