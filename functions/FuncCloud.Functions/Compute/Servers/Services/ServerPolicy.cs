using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.Servers;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.Security;
using FuncCloud.Shared.Security.Policy;

namespace FuncCloud.Functions.Compute.Servers.Services;

/// <summary>
/// Server rules (<see cref="ServerPolicyDefaults"/>) with nova's target: the server's project and user, or the
/// caller's own for collection calls. Callers load the server first, so another project's server stays a 404;
/// a refusal is nova's 403 <c>Policy doesn't allow ... to be performed.</c>
/// </summary>
public sealed class ServerPolicy(PolicyEnforcer enforcer)
{
    /// <exception cref="ForbiddenException">The rule denies it.</exception>
    public void Enforce(string rule, RequestContext caller, ServerRecord? server = null)
    {
        if (!IsAllowed(rule, caller, server))
        {
            throw new ForbiddenException($"Policy doesn't allow {rule} to be performed.");
        }
    }

    public bool IsAllowed(string rule, RequestContext caller, ServerRecord? server = null) =>
        enforcer.IsAllowed(rule, caller, new Dictionary<string, string?>
        {
            ["project_id"] = server?.ProjectId ?? caller.ProjectId,
            ["user_id"] = server?.UserId ?? caller.UserId,
        });

    /// <summary>The rule of an agent-backed action (<see cref="ServerActions"/>).</summary>
    public static string ForAction(string action) => action switch
    {
        ServerActions.Reboot or ServerActions.RebootHard => ServerPolicies.Reboot,
        ServerActions.Stop => ServerPolicies.Stop,
        ServerActions.Start => ServerPolicies.Start,
        ServerActions.Pause => ServerPolicies.Pause,
        ServerActions.Unpause => ServerPolicies.Unpause,
        ServerActions.Suspend => ServerPolicies.Suspend,
        ServerActions.Resume => ServerPolicies.Resume,
        ServerActions.Rebuild => ServerPolicies.Rebuild,
        ServerActions.Resize => ServerPolicies.Resize,
        ServerActions.ConfirmResize => ServerPolicies.ConfirmResize,
        ServerActions.RevertResize => ServerPolicies.RevertResize,
        ServerActions.Delete => ServerPolicies.Delete,
        ServerActions.CreateImage => ServerPolicies.CreateImage,
        _ => ServerPolicies.Update,
    };
}
