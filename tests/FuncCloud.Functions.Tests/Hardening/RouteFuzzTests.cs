using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using FuncCloud.LocalHost.Catalog;
using FuncCloud.LocalHost.Hosting;
using FuncCloud.Shared.OpenStack.Errors;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace FuncCloud.Functions.Tests.Hardening;

/// <summary>
/// Walks every HTTP route of the function catalog (so every later API is covered without new code) with
/// malformed bodies, bad parameters, wrong methods and oversized URIs, as the admin, a member, a reader
/// and without a token. Fails on any 5xx and on any error body not in the owning service's registered
/// shape. Deterministic (fixed seed) and bounded (a few requests per route and persona).
/// </summary>
public sealed partial class RouteFuzzTests(HardeningHostFixture host, ITestOutputHelper output) : IClassFixture<HardeningHostFixture>
{
    private const int Seed = 8;

    private static readonly string[] AllMethods = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    private static readonly string[] BadQueries =
    [
        "limit=-1", "limit=abc", "limit=99999999999999999999", "marker=00000000-0000-0000-0000-000000000000", "marker=%00",
        "sort_dir=sideways", "sort_key=no_such_key", "all_tenants=maybe", "changes-since=notadate", "name=%E2%80%AEevil",
        "is_public=maybe", "enabled=maybe", "minDisk=x", "page_reverse=maybe",
    ];

    [Fact]
    public async Task EveryRoute_MalformedInput_NeverA5xxAndErrorsInTheServiceShape()
    {
        var probes = Probes();
        var shapes = host.Services.GetRequiredService<ErrorShapeRegistry>();
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(probes, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (probe, _) =>
        {
            var (status, body, response) = await host.SendAsync(probe.Method, probe.Path, probe.Persona, probe.Body);
            using (response)
            {
                var what = $"{probe.Method} {Short(probe.Path)} as {probe.Persona} [{probe.Kind}] ({probe.Function}) → {status}";
                if (status >= 500)
                {
                    failures.Add($"{what}: a 5xx: {Short(body)}");
                }
                else if (status >= 400 && probe.Method != HttpMethod.Head && ErrorShapeAssert.Check(shapes, probe.Path, status, body) is { } difference)
                {
                    failures.Add($"{what}: {difference}");
                }

                if (status == 405 && !response.Content.Headers.Allow.Any())
                {
                    failures.Add($"{what}: a 405 without Allow");
                }

                if (probe.Expected is { } expected && status != expected)
                {
                    failures.Add($"{what}: expected {expected}");
                }
            }
        });

        output.WriteLine($"{probes.Count} requests over {probes.Select(p => p.Function).Distinct().Count()} functions in {clock.Elapsed.TotalSeconds:F1} s");
        foreach (var failure in failures.Order(StringComparer.Ordinal).Take(60))
        {
            output.WriteLine(failure);
        }

        failures.ShouldBeEmpty($"{failures.Count} of {probes.Count} probes failed; the first: {failures.Order(StringComparer.Ordinal).FirstOrDefault()}");
    }

    private List<Probe> Probes()
    {
        var random = new Random(Seed);
        var catalog = host.Services.GetRequiredService<FunctionCatalog>();
        var prefix = host.Services.GetRequiredService<IOptions<HttpHostOptions>>().Value.RoutePrefix.Trim('/');
        var routes = catalog.WithTrigger<HttpTriggerAttribute>()
            .Select(t => (t.Function.Name, Template: "/" + string.Join('/', new[] { prefix, (t.Trigger.Route ?? t.Function.Name).Trim('/') }.Where(s => s.Length > 0)),
                Methods: (t.Trigger.Methods ?? AllMethods).Select(m => m.ToUpperInvariant()).ToArray()))
            .OrderBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
        routes.Count.ShouldBeGreaterThan(100, "the catalog should hold every API's routes");
        // A catch-all parameter ({*objectName}, {*path}) takes the rest of the path, slashes included.
        var matchers = routes.Select(r => (Pattern: new Regex(
            "^" + RouteParameter().Replace(Regex.Escape(r.Template).Replace(@"\{", "{", StringComparison.Ordinal).Replace(@"{\*", "{*", StringComparison.Ordinal), m => m.Value.StartsWith("{*", StringComparison.Ordinal) ? ".+" : "[^/]+") + "$",
            RegexOptions.IgnoreCase), r.Methods)).ToList();
        var personas = host.Tokens.Keys.ToArray();
        var probes = new List<Probe>();
        foreach (var (name, template, methods) in routes)
        {
            foreach (var method in methods.Where(m => m != "HEAD"))
            {
                var verb = new HttpMethod(method);
                var path = Fill(template, random, real: method != "DELETE");
                if (method is "POST" or "PUT" or "PATCH")
                {
                    var bodies = Bodies(template, random);
                    probes.AddRange(bodies.Select(b => new Probe(name, verb, path, "admin", b.Body, b.Kind)));
                    foreach (var persona in personas.Where(p => p != "admin"))
                    {
                        probes.AddRange(bodies.OrderBy(_ => random.Next()).Take(2).Select(b => new Probe(name, verb, path, persona, b.Body, b.Kind)));
                    }
                }
                else
                {
                    probes.AddRange(personas.Select(p => new Probe(name, verb, path, p, null, "plain")));
                    probes.AddRange(BadQueries.OrderBy(_ => random.Next()).Take(4)
                        .Select(q => new Probe(name, verb, path + "?" + q, personas[random.Next(personas.Length)], null, "query " + q)));
                }
            }

            // A method no route of this concrete path takes (PUT /servers/detail is PUT /servers/{id}, not a 405).
            var concrete = Fill(template, random, real: false);
            var served = matchers.Where(m => m.Pattern.IsMatch(concrete)).SelectMany(m => m.Methods).ToHashSet();
            if (AllMethods.Where(m => !served.Contains(m)).ToList() is { Count: > 0 } wrong)
            {
                var method = wrong[random.Next(wrong.Count)];
                probes.Add(new Probe(name, new HttpMethod(method), concrete, personas[random.Next(personas.Length)], null, "wrong method", 405));
            }

            probes.Add(new Probe(name, new HttpMethod(methods[0]), Fill(template, random, real: false) + "?q=" + new string('a', 9000), "admin", null, "long query", 414));
        }

        foreach (var service in routes.Select(r => r.Template.Split('/')[1]).Distinct())
        {
            // A service whose catch-all route serves every path (the web app's client-side routes) has no unknown route.
            var unknown = $"/{service}/no-such-route/{random.Next()}";
            if (!matchers.Any(m => m.Pattern.IsMatch(unknown)))
            {
                probes.Add(new Probe("(none)", HttpMethod.Get, unknown, "admin", null, "unknown route", 404));
            }
        }

        return probes;
    }

    private string Fill(string template, Random random, bool real) => RouteParameter().Replace(template, m =>
    {
        if (real && m.Groups[1].Value == "projectId" && random.Next(2) == 0)
        {
            return host.DemoProjectId;
        }

        string[] values = ["fuzz-" + random.Next(1000), new Guid([.. Enumerable.Range(0, 16).Select(_ => (byte)random.Next(256))]).ToString(), "0", "-1", "%E2%80%AE", "a%01b", "%C3%28"];
        return values[random.Next(values.Length)];
    });

    private static List<(string Kind, byte[] Body)> Bodies(string template, Random random)
    {
        var member = Member(template);
        object[] wrongValues = ["42", "\"text\"", "[]", "true", "null", "{\"name\": 42}", "{\"name\": \"a\\u0000b\"}", "{\"name\": \"\\u202eevil\"}", "{\"metadata\": {\"k\": 42}}"];
        var huge = new string('x', 1 << 20);
        return
        [
            ("duplicate key", Utf8($"{{\"{member}\": {{}}, \"{member}\": {{}}}}")),
            ("invalid UTF-8", [.. Utf8($"{{\"{member}\": {{\"name\": \""), 0xff, 0xfe, .. Utf8("\"}}")]),
            ("lone surrogate", Utf8($"{{\"{member}\": {{\"name\": \"\\ud800\"}}}}")),
            ("wrong type", Utf8($"{{\"{member}\": {wrongValues[random.Next(wrongValues.Length)]}}}")),
            ("not an object", Utf8(random.Next(2) == 0 ? "[1, 2]" : "\"text\"")),
            ("huge value", Utf8($"{{\"{member}\": {{\"name\": \"{huge}\"}}}}")),
            ("large value", Utf8($"{{\"{member}\": {{\"name\": \"{huge[..60000]}\", \"metadata\": {{\"k\": \"{huge[..60000]}\"}}}}}}")),
            ("deep nesting", Utf8(new string('[', 200) + new string(']', 200))),
            ("empty", []),
            ("not JSON", Utf8("{\"" + member + "\": ")),
        ];
    }

    /// <summary>The body's member name nova/keystone/glance expect, guessed from the route: /os-aggregates → aggregate.</summary>
    private static string Member(string template)
    {
        var literal = template.Split('/').LastOrDefault(s => s.Length > 0 && !s.StartsWith('{') && !s.StartsWith("v", StringComparison.Ordinal)) ?? "body";
        literal = literal.StartsWith("os-", StringComparison.Ordinal) ? literal[3..] : literal;
        return literal.Replace('-', '_').TrimEnd('s');
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string Short(string text) => text.Length > 160 ? text[..160] + "..." : text;

    [GeneratedRegex(@"\{\*?([A-Za-z_]+)(?::[^}]*)?\??\}")]
    private static partial Regex RouteParameter();

    private sealed record Probe(string Function, HttpMethod Method, string Path, string Persona, byte[]? Body, string Kind, int? Expected = null);
}
