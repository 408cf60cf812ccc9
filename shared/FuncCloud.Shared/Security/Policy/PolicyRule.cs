namespace FuncCloud.Shared.Security.Policy;

/// <summary>What a rule is evaluated against: the caller's credentials, the target, and the other rules.</summary>
public sealed record PolicyInput(
    IReadOnlyDictionary<string, IReadOnlyList<string>> Credentials,
    IReadOnlyDictionary<string, string?> Target,
    Func<string, PolicyRule?> ResolveRule);

/// <summary>A parsed oslo.policy-style rule (an expression tree).</summary>
public abstract record PolicyRule
{
    /// <summary>True when the rule allows.</summary>
    public abstract bool Evaluate(PolicyInput input, int depth = 0);
}

/// <summary><c>@</c> (or the empty rule): always allows.</summary>
public sealed record AlwaysRule : PolicyRule
{
    /// <inheritdoc />
    public override bool Evaluate(PolicyInput input, int depth = 0) => true;
}

/// <summary><c>!</c>: never allows.</summary>
public sealed record NeverRule : PolicyRule
{
    /// <inheritdoc />
    public override bool Evaluate(PolicyInput input, int depth = 0) => false;
}

/// <summary><c>not rule</c>.</summary>
public sealed record NotRule(PolicyRule Inner) : PolicyRule
{
    /// <inheritdoc />
    public override bool Evaluate(PolicyInput input, int depth = 0) => !Inner.Evaluate(input, depth);
}

/// <summary><c>a and b and ...</c>.</summary>
public sealed record AndRule(IReadOnlyList<PolicyRule> Rules) : PolicyRule
{
    /// <inheritdoc />
    public override bool Evaluate(PolicyInput input, int depth = 0) => Rules.All(r => r.Evaluate(input, depth));
}

/// <summary><c>a or b or ...</c>.</summary>
public sealed record OrRule(IReadOnlyList<PolicyRule> Rules) : PolicyRule
{
    /// <inheritdoc />
    public override bool Evaluate(PolicyInput input, int depth = 0) => Rules.Any(r => r.Evaluate(input, depth));
}

/// <summary><c>rule:name</c>: another named rule (unknown names deny).</summary>
public sealed record ReferenceRule(string Name) : PolicyRule
{
    private const int MaxDepth = 32;

    /// <inheritdoc />
    public override bool Evaluate(PolicyInput input, int depth = 0) =>
        depth < MaxDepth && input.ResolveRule(Name) is { } rule && rule.Evaluate(input, depth + 1);
}

/// <summary>
/// <c>key:match</c>: the credential <c>key</c> (e.g. <c>role</c>, <c>project_id</c>, <c>system_scope</c>)
/// holds <c>match</c>, a literal or a <c>%(target.attr)s</c> substitution from the target.
/// </summary>
public sealed record CheckRule(string Key, string Match) : PolicyRule
{
    /// <inheritdoc />
    public override bool Evaluate(PolicyInput input, int depth = 0)
    {
        var expected = Match;
        if (Match.StartsWith("%(", StringComparison.Ordinal) && Match.EndsWith(")s", StringComparison.Ordinal))
        {
            if (!input.Target.TryGetValue(Match[2..^2], out var targetValue) || targetValue is null)
            {
                return false;
            }

            expected = targetValue;
        }

        var credentialKey = Key == "role" ? "roles" : Key;
        return input.Credentials.TryGetValue(credentialKey, out var values) &&
               values.Any(v => string.Equals(v, expected, StringComparison.OrdinalIgnoreCase));
    }
}
