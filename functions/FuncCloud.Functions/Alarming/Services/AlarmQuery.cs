using FuncCloud.Shared.OpenStack.Errors;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Functions.Alarming.Services;

/// <summary>One <c>q.field</c>/<c>q.op</c>/<c>q.value</c> triple (aodh's simple query).</summary>
public sealed record QueryTerm(string Field, string Op, string Value);

/// <summary>Reads aodh's simple query: repeated <c>q.field</c>, <c>q.op</c> (default <c>eq</c>), <c>q.value</c>, <c>q.type</c>.</summary>
public static class AlarmQuery
{
    /// <summary>The terms of <paramref name="request"/>'s query string.</summary>
    /// <exception cref="BadRequestException">The lists do not line up or an operator is unknown.</exception>
    public static IReadOnlyList<QueryTerm> Parse(HttpRequest request)
    {
        var fields = request.Query["q.field"];
        var values = request.Query["q.value"];
        var ops = request.Query["q.op"];
        if (fields.Count != values.Count || ops.Count > fields.Count)
        {
            throw new BadRequestException("Invalid query: q.field, q.op and q.value must be given together.");
        }

        var terms = new List<QueryTerm>();
        for (var i = 0; i < fields.Count; i++)
        {
            var op = i < ops.Count && !string.IsNullOrEmpty(ops[i]) ? ops[i]! : "eq";
            if (op is not ("eq" or "ne" or "lt" or "le" or "gt" or "ge"))
            {
                throw new BadRequestException($"Invalid input for field/attribute op. Value: '{op}'. Value should be one of: lt, le, eq, ne, ge, gt");
            }

            terms.Add(new QueryTerm(fields[i] ?? string.Empty, op, values[i] ?? string.Empty));
        }

        return terms;
    }

    /// <summary>400 for a field the query does not know.</summary>
    public static BadRequestException UnknownField(string field, IEnumerable<string> valid) =>
        new($"Unknown argument: \"{field}\": unrecognized field in query: {field}, valid keys: {string.Join(", ", valid.Order(StringComparer.Ordinal))}");

    /// <summary>400 for an operator a field does not take.</summary>
    public static BadRequestException UnsupportedOperator(string op, string field) =>
        new($"Operator {op} is not supported for the field {field}; the supported operators are: eq, ne");

    /// <summary>True when <paramref name="actual"/> satisfies an <c>eq</c>/<c>ne</c> term.</summary>
    public static bool Matches(QueryTerm term, string? actual) => term.Op switch
    {
        "eq" => string.Equals(actual, term.Value, StringComparison.Ordinal),
        "ne" => !string.Equals(actual, term.Value, StringComparison.Ordinal),
        _ => throw UnsupportedOperator(term.Op, term.Field),
    };
}
