using System.Collections.Frozen;
using FuncCloud.Shared.OpenStack.Errors;
using Microsoft.Extensions.Options;

namespace FuncCloud.Shared.Security.Policy;

/// <summary>
/// Decides whether a <see cref="RequestContext"/> may perform an action on a target. Rules are the
/// registered <see cref="IPolicyDefaults"/> overlaid with <see cref="PolicyOptions"/>; an action with no
/// rule falls back to <c>default</c>.
/// </summary>
public sealed class PolicyEnforcer
{
    private readonly FrozenDictionary<string, PolicyRule> _rules;

    /// <summary>Parses every rule once.</summary>
    /// <exception cref="FormatException">A rule is malformed (fails at startup, not per request).</exception>
    public PolicyEnforcer(IEnumerable<IPolicyDefaults> defaults, IOptions<PolicyOptions> options)
    {
        var text = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var set in defaults)
        {
            foreach (var (name, rule) in set.Rules)
            {
                text[name] = rule;
            }
        }

        foreach (var (name, rule) in options.Value.Rules)
        {
            text[name] = rule;
        }

        _rules = text.ToFrozenDictionary(p => p.Key, p => PolicyParser.Parse(p.Value), StringComparer.Ordinal);
    }

    /// <summary>True when <paramref name="context"/> may perform <paramref name="action"/> on <paramref name="target"/>.</summary>
    public bool IsAllowed(string action, RequestContext context, IReadOnlyDictionary<string, string?>? target = null)
    {
        var rule = _rules.GetValueOrDefault(action) ?? _rules.GetValueOrDefault("default") ?? new NeverRule();
        return rule.Evaluate(new PolicyInput(Credentials(context), target ?? EmptyTarget, name => _rules.GetValueOrDefault(name)));
    }

    /// <summary>Throws unless <paramref name="context"/> may perform <paramref name="action"/>.</summary>
    /// <exception cref="ForbiddenException">The policy denies it.</exception>
    public void Enforce(string action, RequestContext context, IReadOnlyDictionary<string, string?>? target = null)
    {
        if (!IsAllowed(action, context, target))
        {
            throw new ForbiddenException($"You are not authorized to perform the requested action: {action}.");
        }
    }

    private static readonly IReadOnlyDictionary<string, string?> EmptyTarget = new Dictionary<string, string?>();

    /// <summary>The credential attributes rules can check (oslo.context's to_policy_values).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Credentials(RequestContext context)
    {
        var values = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            ["roles"] = context.Roles,
            ["user_id"] = [context.UserId],
            ["user_domain_id"] = [context.UserDomainId],
            ["is_admin"] = [context.IsAdmin ? "true" : "false"],
        };
        Add(values, "project_id", context.ProjectId);
        Add(values, "project_domain_id", context.ProjectDomainId);
        Add(values, "domain_id", context.DomainId);
        Add(values, "system_scope", context.IsSystemScope ? "all" : null);
        return values;
    }

    private static void Add(Dictionary<string, IReadOnlyList<string>> values, string key, string? value)
    {
        if (value is not null)
        {
            values[key] = [value];
        }
    }
}
