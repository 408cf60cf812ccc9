using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.Security;
using FuncCloud.Shared.Security.Policy;
using Microsoft.Extensions.Options;
using Shouldly;
using Xunit;

namespace FuncCloud.Shared.Tests.Security.Policy;

public sealed class PolicyEnforcerTests
{
    private sealed class TestRules : IPolicyDefaults
    {
        public IReadOnlyDictionary<string, string> Rules { get; } = new Dictionary<string, string>
        {
            ["test:anyone"] = "@",
            ["test:nobody"] = "!",
            ["test:empty"] = "",
            ["test:own_project"] = "project_id:%(target.project.id)s",
            ["test:admin_or_owner"] = "rule:admin_or_owner",
            ["test:member_not_reader"] = "role:member and not role:reader",
            ["test:grouped"] = "(role:reader or role:member) and (system_scope:all or project_id:%(project_id)s)",
            ["test:recursive"] = "rule:test:recursive",
            ["test:overridden"] = "!",
        };
    }

    private static readonly PolicyEnforcer Enforcer = new(
        [new BasePolicyDefaults(), new TestRules()],
        Options.Create(new PolicyOptions { Rules = { ["test:overridden"] = "@" } }));

    private static RequestContext Context(ScopeType scope = ScopeType.Project, string? project = "p1", params string[] roles) =>
        new("req-1", "u1", "user", "default", scope, project, "name", "default", null, roles, ["password"], null, DateTimeOffset.UtcNow.AddHours(1));

    private static Dictionary<string, string?> Target(params (string Key, string? Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Value);

    [Theory]
    [InlineData("test:anyone", true)]
    [InlineData("test:nobody", false)]
    [InlineData("test:empty", true)]
    [InlineData("test:overridden", true)]
    [InlineData("test:recursive", false)]
    [InlineData("test:unknown_falls_back_to_default", false)]
    public void IsAllowed_ConstantRules_Evaluate(string action, bool expected) =>
        Enforcer.IsAllowed(action, Context(roles: ["member"])).ShouldBe(expected);

    [Fact]
    public void IsAllowed_TargetSubstitution_MatchesOnlyOwnProject()
    {
        Enforcer.IsAllowed("test:own_project", Context(roles: ["reader"]), Target(("target.project.id", "p1"))).ShouldBeTrue();
        Enforcer.IsAllowed("test:own_project", Context(roles: ["reader"]), Target(("target.project.id", "p2"))).ShouldBeFalse();
        Enforcer.IsAllowed("test:own_project", Context(roles: ["reader"])).ShouldBeFalse();
    }

    [Fact]
    public void IsAllowed_RuleReference_AdminOrOwner()
    {
        Enforcer.IsAllowed("test:admin_or_owner", Context(roles: ["ADMIN"])).ShouldBeTrue();
        Enforcer.IsAllowed("test:admin_or_owner", Context(roles: ["member"]), Target(("user_id", "u1"))).ShouldBeTrue();
        Enforcer.IsAllowed("test:admin_or_owner", Context(roles: ["member"]), Target(("user_id", "u2"))).ShouldBeFalse();
    }

    [Fact]
    public void IsAllowed_NotAndParentheses_FollowPrecedence()
    {
        Enforcer.IsAllowed("test:member_not_reader", Context(roles: ["member"])).ShouldBeTrue();
        Enforcer.IsAllowed("test:member_not_reader", Context(roles: ["member", "reader"])).ShouldBeFalse();
        Enforcer.IsAllowed("test:grouped", Context(ScopeType.System, null, "reader")).ShouldBeTrue();
        Enforcer.IsAllowed("test:grouped", Context(roles: ["reader"]), Target(("project_id", "p1"))).ShouldBeTrue();
        Enforcer.IsAllowed("test:grouped", Context(roles: ["reader"]), Target(("project_id", "p9"))).ShouldBeFalse();
        Enforcer.IsAllowed("test:grouped", Context(roles: ["other"]), Target(("project_id", "p1"))).ShouldBeFalse();
    }

    [Fact]
    public void Personas_SystemReaderAndProjectMember_AreScoped()
    {
        Enforcer.IsAllowed("system_reader", Context(ScopeType.System, null, "reader")).ShouldBeTrue();
        Enforcer.IsAllowed("system_reader", Context(roles: ["reader"])).ShouldBeFalse();
        Enforcer.IsAllowed("project_member", Context(roles: ["member"]), Target(("project_id", "p1"))).ShouldBeTrue();
        Enforcer.IsAllowed("project_member", Context(roles: ["reader"]), Target(("project_id", "p1"))).ShouldBeFalse();
    }

    [Fact]
    public void Enforce_Denied_ThrowsForbiddenNamingTheAction()
    {
        var error = Should.Throw<ForbiddenException>(() => Enforcer.Enforce("test:nobody", Context()));
        error.StatusCode.ShouldBe(403);
        error.Message.ShouldContain("test:nobody");
    }

    [Theory]
    [InlineData("role:a and")]
    [InlineData("(role:a")]
    [InlineData("role")]
    public void Parse_Malformed_Throws(string rule) => Should.Throw<FormatException>(() => PolicyParser.Parse(rule));
}
