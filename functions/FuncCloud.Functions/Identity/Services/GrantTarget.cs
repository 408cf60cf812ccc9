using FuncCloud.Functions.Identity.Model;

namespace FuncCloud.Functions.Identity.Services;

/// <summary>One grant as the grant routes name it: actor, target and role.</summary>
public sealed record GrantTarget(string TargetType, string TargetId, string ActorType, string ActorId, string RoleId, bool Inherited)
{
    /// <summary>The stored assignment.</summary>
    public RoleAssignment ToAssignment() => new(ActorType, ActorId, TargetType, TargetId, RoleId, Inherited);

    /// <summary>Parses the route segments (<c>projects|domains</c>, <c>users|groups</c>).</summary>
    public static GrantTarget FromRoute(string targetSegment, string targetId, string actorSegment, string actorId, string roleId, bool inherited = false) => new(
        targetSegment switch
        {
            "projects" => TargetTypes.Project,
            "domains" => TargetTypes.Domain,
            _ => TargetTypes.System,
        },
        targetSegment is "projects" or "domains" ? targetId : TargetTypes.SystemAll,
        actorSegment == "groups" ? ActorTypes.Group : ActorTypes.User,
        actorId,
        roleId,
        inherited);
}
