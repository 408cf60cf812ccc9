using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FuncCloud.Functions.Telemetry.Api;

namespace FuncCloud.Functions.Telemetry.Services;

/// <summary>
/// Gnocchi's resource search, both forms: the JSON one (<c>{"and": [{"=": {"project_id": "p"}}, ...]}</c>) and
/// the string one gnocchiclient sends as <c>filter</c> (<c>project_id=p and (type!=image or started_at&gt;"2026-12-01")</c>),
/// with <c>=</c>/<c>==</c>/<c>eq</c>, <c>!=</c>/<c>ne</c>, <c>&lt;</c>, <c>&gt;</c>, <c>&lt;=</c>, <c>&gt;=</c>, <c>in</c>,
/// <c>like</c> (SQL <c>%</c>/<c>_</c>), <c>and</c>, <c>or</c>, <c>not</c>. It evaluates against resource bodies.
/// </summary>
public static partial class SearchFilter
{
    /// <summary>A filter from the JSON form.</summary>
    /// <exception cref="TelemetryBadRequestException">Malformed.</exception>
    public static Func<JsonObject, bool> FromJson(JsonNode? node)
    {
        if (node is not JsonObject { Count: 1 } obj)
        {
            throw Invalid("a search is an object with one operator");
        }

        var (op, operand) = obj.First();
        switch (op.ToLowerInvariant())
        {
            case "and" or "∧":
                var all = List(operand).Select(FromJson).ToList();
                return r => all.All(f => f(r));
            case "or" or "∨":
                var any = List(operand).Select(FromJson).ToList();
                return r => any.Any(f => f(r));
            case "not" or "¬":
                var inner = FromJson(operand);
                return r => !inner(r);
        }

        if (operand is not JsonObject { Count: 1 } comparison)
        {
            throw Invalid($"operator {op} takes one attribute");
        }

        var (attribute, value) = comparison.First();
        if (op.Equals("in", StringComparison.OrdinalIgnoreCase))
        {
            var values = List(value).Select(Literal).ToList();
            return r => values.Any(v => Compare(r[attribute], v) == 0);
        }

        return Comparison(attribute, op, Literal(value));
    }

    /// <summary>A filter from the string form.</summary>
    /// <exception cref="TelemetryBadRequestException">Malformed.</exception>
    public static Func<JsonObject, bool> FromString(string query)
    {
        var parser = new Parser(Tokenize(query));
        var filter = parser.Or();
        return parser.AtEnd ? filter : throw Invalid($"unexpected '{parser.Peek}'");
    }

    private static Func<JsonObject, bool> Comparison(string attribute, string op, string? literal)
    {
        switch (op.ToLowerInvariant())
        {
            case "=" or "==" or "eq": return r => Compare(r[attribute], literal) == 0;
            case "!=" or "≠" or "ne": return r => Compare(r[attribute], literal) != 0;
            case "<" or "lt": return r => r[attribute] is not null && Compare(r[attribute], literal) < 0;
            case ">" or "gt": return r => r[attribute] is not null && Compare(r[attribute], literal) > 0;
            case "<=" or "≤" or "le": return r => r[attribute] is not null && Compare(r[attribute], literal) <= 0;
            case ">=" or "≥" or "ge": return r => r[attribute] is not null && Compare(r[attribute], literal) >= 0;
            case "like":
                var pattern = new Regex("^" + Regex.Escape(literal ?? string.Empty).Replace("%", ".*", StringComparison.Ordinal).Replace("_", ".", StringComparison.Ordinal) + "$", RegexOptions.Singleline, TimeSpan.FromSeconds(1));
                return r => r[attribute]?.ToString() is { } text && pattern.IsMatch(text);
            default:
                throw Invalid($"unknown operator {op}");
        }
    }

    // Timestamps compare as instants, numbers as numbers, everything else as ordinal strings.
    private static int Compare(JsonNode? actual, string? literal)
    {
        var text = actual is JsonValue v && v.TryGetValue<string>(out var s) ? s : actual?.ToJsonString();
        if (text is null || literal is null)
        {
            return text is null && literal is null ? 0 : text is null ? -1 : 1;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var a) && double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out var b))
        {
            return a.CompareTo(b);
        }

        if (text.Length >= 10 && literal.Length >= 10 && text[4] == '-' && literal[4] == '-'
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var x)
            && DateTimeOffset.TryParse(literal, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var y))
        {
            return x.CompareTo(y);
        }

        return string.CompareOrdinal(text, literal);
    }

    private static string? Literal(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v => v.ToJsonString(),
        _ => throw Invalid("a value must be a string, a number or null"),
    };

    private static JsonArray List(JsonNode? node) => node as JsonArray ?? throw Invalid("and/or/in take a list");

    private static TelemetryBadRequestException Invalid(string reason) => new($"Invalid search: {reason}");

    private static List<string> Tokenize(string query)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < query.Length)
        {
            var c = query[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '"' or '\'')
            {
                var end = query.IndexOf(c, i + 1);
                if (end < 0)
                {
                    throw Invalid("unterminated string");
                }

                tokens.Add("\u0001" + query[(i + 1)..end]);
                i = end + 1;
            }
            else if (c is '(' or ')' or '[' or ']' or ',')
            {
                tokens.Add(c.ToString());
                i++;
            }
            else if (c is '=' or '!' or '<' or '>')
            {
                var two = i + 1 < query.Length && query[i + 1] == '=';
                tokens.Add(query.Substring(i, two ? 2 : 1));
                i += two ? 2 : 1;
            }
            else
            {
                var builder = new StringBuilder();
                while (i < query.Length && !char.IsWhiteSpace(query[i]) && query[i] is not ('(' or ')' or '[' or ']' or ',' or '=' or '!' or '<' or '>' or '"' or '\''))
                {
                    builder.Append(query[i++]);
                }

                tokens.Add(builder.ToString());
            }
        }

        return tokens;
    }

    private sealed class Parser(List<string> tokens)
    {
        private int _position;

        public bool AtEnd => _position >= tokens.Count;

        public string Peek => AtEnd ? "end" : tokens[_position];

        public Func<JsonObject, bool> Or()
        {
            var left = And();
            while (Accept("or"))
            {
                var (l, r) = (left, And());
                left = x => l(x) || r(x);
            }

            return left;
        }

        private Func<JsonObject, bool> And()
        {
            var left = Not();
            while (Accept("and"))
            {
                var (l, r) = (left, Not());
                left = x => l(x) && r(x);
            }

            return left;
        }

        private Func<JsonObject, bool> Not()
        {
            if (Accept("not"))
            {
                var inner = Not();
                return x => !inner(x);
            }

            if (Accept("("))
            {
                var inner = Or();
                Expect(")");
                return inner;
            }

            var attribute = Next();
            var op = Next();
            if (op.Equals("in", StringComparison.OrdinalIgnoreCase))
            {
                Expect("[");
                var values = new List<string?>();
                do
                {
                    values.Add(Value());
                }
                while (Accept(","));
                Expect("]");
                return r => values.Any(v => Compare(r[attribute], v) == 0);
            }

            return Comparison(attribute, op, Value());
        }

        private string? Value()
        {
            var token = Next();
            return token.StartsWith('\u0001') ? token[1..] : token == "null" ? null : token;
        }

        private string Next() => AtEnd ? throw Invalid("unexpected end of the query") : tokens[_position++];

        private bool Accept(string token)
        {
            if (!AtEnd && tokens[_position].Equals(token, StringComparison.OrdinalIgnoreCase))
            {
                _position++;
                return true;
            }

            return false;
        }

        private void Expect(string token)
        {
            if (!Accept(token))
            {
                throw Invalid($"expected '{token}' but found '{Peek}'");
            }
        }
    }
}
