namespace FuncCloud.Shared.Security.Policy;

/// <summary>
/// Parses oslo.policy rule strings: <c>@</c>, <c>!</c>, <c>rule:x</c>, <c>role:x</c>, <c>key:%(target)s</c>,
/// <c>not</c>, <c>and</c>, <c>or</c> (lowest precedence) and parentheses.
/// </summary>
public static class PolicyParser
{
    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <exception cref="FormatException">The rule is malformed.</exception>
    public static PolicyRule Parse(string text)
    {
        var tokens = Tokenize(text);
        if (tokens.Count == 0)
        {
            return new AlwaysRule();
        }

        var position = 0;
        var rule = ParseOr(tokens, ref position);
        return position == tokens.Count ? rule : throw new FormatException($"Unexpected '{tokens[position]}' in policy rule '{text}'.");
    }

    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var start = 0;
            var end = word.Length;
            while (start < end && word[start] == '(')
            {
                tokens.Add("(");
                start++;
            }

            var closing = 0;
            while (end > start && word[end - 1] == ')' && CountParens(word[start..end]) < 0)
            {
                end--;
                closing++;
            }

            if (end > start)
            {
                tokens.Add(word[start..end]);
            }

            tokens.AddRange(Enumerable.Repeat(")", closing));
        }

        return tokens;
    }

    // Positive when the word opens more parentheses than it closes; "%(x)s" is balanced.
    private static int CountParens(string word) => word.Count(c => c == '(') - word.Count(c => c == ')');

    private static PolicyRule ParseOr(List<string> tokens, ref int position)
    {
        var rules = new List<PolicyRule> { ParseAnd(tokens, ref position) };
        while (position < tokens.Count && tokens[position].Equals("or", StringComparison.OrdinalIgnoreCase))
        {
            position++;
            rules.Add(ParseAnd(tokens, ref position));
        }

        return rules.Count == 1 ? rules[0] : new OrRule(rules);
    }

    private static PolicyRule ParseAnd(List<string> tokens, ref int position)
    {
        var rules = new List<PolicyRule> { ParseNot(tokens, ref position) };
        while (position < tokens.Count && tokens[position].Equals("and", StringComparison.OrdinalIgnoreCase))
        {
            position++;
            rules.Add(ParseNot(tokens, ref position));
        }

        return rules.Count == 1 ? rules[0] : new AndRule(rules);
    }

    private static PolicyRule ParseNot(List<string> tokens, ref int position)
    {
        if (position < tokens.Count && tokens[position].Equals("not", StringComparison.OrdinalIgnoreCase))
        {
            position++;
            return new NotRule(ParseNot(tokens, ref position));
        }

        return ParsePrimary(tokens, ref position);
    }

    private static PolicyRule ParsePrimary(List<string> tokens, ref int position)
    {
        if (position >= tokens.Count)
        {
            throw new FormatException("Policy rule ends unexpectedly.");
        }

        var token = tokens[position++];
        if (token == "(")
        {
            var inner = ParseOr(tokens, ref position);
            if (position >= tokens.Count || tokens[position] != ")")
            {
                throw new FormatException("Missing ')' in policy rule.");
            }

            position++;
            return inner;
        }

        return token switch
        {
            "@" => new AlwaysRule(),
            "!" => new NeverRule(),
            _ when token.IndexOf(':') is > 0 and var colon => token[..colon] == "rule"
                ? new ReferenceRule(token[(colon + 1)..])
                : new CheckRule(token[..colon], token[(colon + 1)..].Trim('\'', '"')),
            _ => throw new FormatException($"Malformed policy check '{token}'."),
        };
    }
}
