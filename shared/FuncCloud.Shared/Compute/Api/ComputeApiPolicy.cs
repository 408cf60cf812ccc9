using FuncCloud.Shared.Security;
using FuncCloud.Shared.Security.Policy;

namespace FuncCloud.Shared.Compute.Api;

/// <summary>Enforces nova rules with nova's target: the project (and user) an action applies to.</summary>
public sealed class ComputeApiPolicy(PolicyEnforcer enforcer)
{
    /// <summary>Throws unless allowed; the target defaults to the caller's own project and user, as in nova.</summary>
    /// <exception cref="OpenStack.Errors.ForbiddenException">The policy denies it.</exception>
    public void Enforce(string action, RequestContext caller, string? projectId = null, string? userId = null) =>
        enforcer.Enforce(action, caller, Target(caller, projectId, userId));

    /// <summary>True when allowed.</summary>
    public bool IsAllowed(string action, RequestContext caller, string? projectId = null, string? userId = null) =>
        enforcer.IsAllowed(action, caller, Target(caller, projectId, userId));

    private static Dictionary<string, string?> Target(RequestContext caller, string? projectId, string? userId) => new()
    {
        ["project_id"] = projectId ?? caller.ProjectId,
        ["user_id"] = userId ?? caller.UserId,
    };
}
