using FuncCloud.Shared.Security;
using FuncCloud.Shared.Security.Policy;

namespace FuncCloud.Functions.Telemetry.Services;

/// <summary>Who sees what (a project its own resources and metrics, admins all) and policy checks, in one place.</summary>
public sealed class MetricAccess(PolicyEnforcer policy)
{
    /// <summary>Whether the caller may see something of <paramref name="projectId"/>.</summary>
    public static bool CanSee(RequestContext caller, string? projectId) =>
        caller.IsAdmin || (projectId is not null && string.Equals(projectId, caller.ProjectId, StringComparison.Ordinal));

    /// <summary>Enforces <paramref name="action"/> with <paramref name="projectId"/> as the target's project.</summary>
    public void Enforce(string action, RequestContext caller, string? projectId = null) =>
        policy.Enforce(action, caller, new Dictionary<string, string?> { ["project_id"] = projectId ?? caller.ProjectId });
}
