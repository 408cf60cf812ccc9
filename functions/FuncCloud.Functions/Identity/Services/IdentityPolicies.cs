using FuncCloud.Shared.Security;
using FuncCloud.Shared.Security.Policy;

namespace FuncCloud.Functions.Identity.Services;

/// <summary>Enforces identity rules with target attributes given as <c>("target.project.id", value)</c> pairs.</summary>
public sealed class IdentityPolicies(PolicyEnforcer enforcer)
{
    /// <summary>Throws <see cref="Shared.OpenStack.Errors.ForbiddenException"/> unless allowed.</summary>
    public void Enforce(string action, RequestContext caller, params (string Key, string? Value)[] target) =>
        enforcer.Enforce("identity:" + action, caller, target.ToDictionary(t => t.Key, t => t.Value));

    /// <summary>True when allowed.</summary>
    public bool IsAllowed(string action, RequestContext caller, params (string Key, string? Value)[] target) =>
        enforcer.IsAllowed("identity:" + action, caller, target.ToDictionary(t => t.Key, t => t.Value));
}
