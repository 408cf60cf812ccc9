using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FuncCloud.Shared.Automation;
using Microsoft.Extensions.Options;

namespace FuncCloud.Functions.Automation.Envelope;

/// <summary>
/// Reads and validates an envelope (schema version 1, published at <c>/automation/schema</c>): every problem is a
/// <see cref="AutomationRejectedException"/> saying which field and why, so nothing half-understood runs.
/// </summary>
public sealed partial class AutomationEnvelopeParser(IOptions<AutomationOptions> options)
{
    private static readonly string[] Methods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"];
    private static readonly HashSet<string> EnvelopeKeys = ["version", "correlation_id", "auth", "operation", "batch", "wait", "wait_timeout", "reply_to"];
    private static readonly HashSet<string> OperationKeys = ["method", "path", "query", "headers", "body"];
    private static readonly HashSet<string> StepKeys = ["name", "method", "path", "query", "headers", "body", "wait"];

    /// <summary>Parses <paramref name="text"/>; <paramref name="messageId"/> is the correlation id when the envelope names none.</summary>
    /// <exception cref="AutomationRejectedException">The envelope is not valid.</exception>
    public AutomationEnvelope Parse(string text, string messageId)
    {
        JsonObject envelope;
        try
        {
            envelope = JsonNode.Parse(text) as JsonObject ?? throw new AutomationRejectedException("the message is not a JSON object", null, null);
        }
        catch (JsonException e)
        {
            throw new AutomationRejectedException($"the message is not JSON: {e.Message}", null, null);
        }

        string? correlationId = null;
        string? replyQueue = null;
        try
        {
            correlationId = OptionalString(envelope, "correlation_id") ?? messageId;
            if (!CorrelationIdPattern().IsMatch(correlationId))
            {
                correlationId = null;
                throw Invalid("correlation_id must be 1-128 characters of letters, digits, '.', '_', ':' and '-'");
            }

            replyQueue = OptionalString(envelope, "reply_to") ?? AutomationNames.ReplyQueue;
            if (!ReplyQueuePattern().IsMatch(replyQueue) || replyQueue.Length > 63)
            {
                // Replies only go to reply queues: never onto a queue the cloud itself reads (agent commands, results...).
                replyQueue = null;
                throw Invalid("reply_to must be cloud-replies or cloud-replies-<suffix> (lower-case letters, digits, single dashes; at most 63 characters)");
            }

            return Read(envelope, correlationId, replyQueue);
        }
        catch (FormatException e)
        {
            throw new AutomationRejectedException(e.Message, correlationId, replyQueue);
        }
    }

    private AutomationEnvelope Read(JsonObject envelope, string correlationId, string replyQueue)
    {
        Unknown(envelope, EnvelopeKeys, "the envelope");
        if (OptionalString(envelope, "version") is { } version && version != AutomationNames.SchemaVersion)
        {
            throw Invalid($"version '{version}' is not supported (this cloud reads version {AutomationNames.SchemaVersion})");
        }

        var credentials = Credentials(envelope["auth"]);
        var waitTimeout = envelope["wait_timeout"] is { } timeout ? Integer(timeout, "wait_timeout") : options.Value.DefaultWaitTimeoutSeconds;
        if (waitTimeout < 1 || waitTimeout > options.Value.MaxWaitTimeoutSeconds)
        {
            throw Invalid($"wait_timeout must be between 1 and {options.Value.MaxWaitTimeoutSeconds} seconds");
        }

        var operation = envelope["operation"];
        var batch = envelope["batch"];
        if ((operation is null) == (batch is null))
        {
            throw Invalid("an envelope carries exactly one of 'operation' and 'batch'");
        }

        if (operation is not null)
        {
            var op = operation as JsonObject ?? throw Invalid("operation must be an object");
            Unknown(op, OperationKeys, "operation");
            var step = Step(op, "operation", "operation", Bool(envelope["wait"], "wait"));
            if (step.DependsOn.Count > 0)
            {
                throw Invalid("operation: '$ref' needs a batch (a single operation has no other step to refer to)");
            }

            return new AutomationEnvelope(correlationId, credentials, [step], false, false, waitTimeout, replyQueue);
        }

        if (envelope["wait"] is not null)
        {
            throw Invalid("wait belongs on each step of a batch");
        }

        var batchObject = batch as JsonObject ?? throw Invalid("batch must be an object");
        Unknown(batchObject, ["steps", "compensate"], "batch");
        var steps = batchObject["steps"] as JsonArray is { Count: > 0 } array ? array : throw Invalid("batch.steps must be a non-empty array");
        if (steps.Count > options.Value.MaxSteps)
        {
            throw Invalid($"batch.steps holds {steps.Count} steps; at most {options.Value.MaxSteps}");
        }

        var parsed = new List<AutomationStep>();
        for (var i = 0; i < steps.Count; i++)
        {
            var where = $"batch.steps[{i}]";
            var stepObject = steps[i] as JsonObject ?? throw Invalid($"{where} must be an object");
            Unknown(stepObject, StepKeys, where);
            var name = OptionalString(stepObject, "name") ?? throw Invalid($"{where}.name is required");
            if (!StepNamePattern().IsMatch(name) || parsed.Any(s => s.Name == name))
            {
                throw Invalid($"{where}.name '{name}' must be unique, 1-64 letters, digits, '_' or '-'");
            }

            parsed.Add(Step(stepObject, name, where, Bool(stepObject["wait"], $"{where}.wait")));
        }

        CheckDependencies(parsed);
        return new AutomationEnvelope(correlationId, credentials, parsed, true, Bool(batchObject["compensate"], "batch.compensate"), waitTimeout, replyQueue);
    }

    private static AutomationStep Step(JsonObject op, string name, string where, bool wait)
    {
        var method = (OptionalString(op, "method") ?? throw Invalid($"{where}.method is required")).ToUpperInvariant();
        if (!Methods.Contains(method))
        {
            throw Invalid($"{where}.method '{method}' is not one of {string.Join(", ", Methods)}");
        }

        var path = OptionalString(op, "path") ?? throw Invalid($"{where}.path is required");
        if (!path.StartsWith('/') || path.StartsWith("//", StringComparison.Ordinal) || path.Contains("/../", StringComparison.Ordinal) || path.EndsWith("/..", StringComparison.Ordinal)
            || path.Contains('?', StringComparison.Ordinal) || path.Contains('#', StringComparison.Ordinal) || path.Any(char.IsControl) || path.Length > 2048)
        {
            throw Invalid($"{where}.path must be an absolute API path such as /compute/v2.1/servers (no '?', '#' or '..': the query goes in 'query')");
        }

        if (path.StartsWith("/automation", StringComparison.OrdinalIgnoreCase))
        {
            throw Invalid($"{where}.path: the automation API itself is not an operation");
        }

        var query = Strings(op["query"], $"{where}.query");
        var headers = Strings(op["headers"], $"{where}.headers");
        var body = op["body"]?.DeepClone();
        if (body is not null && method is "GET" or "HEAD" or "DELETE")
        {
            throw Invalid($"{where}.body: a {method} has no body");
        }

        return new AutomationStep(name, method, path, query, headers, body, wait, AutomationRefs.Find(path, query, headers, body));
    }

    private static void CheckDependencies(List<AutomationStep> steps)
    {
        var names = steps.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var step in steps)
        {
            if (step.DependsOn.FirstOrDefault(d => !names.Contains(d)) is { } missing)
            {
                throw Invalid($"step '{step.Name}' refers to '{missing}', which is no step of the batch");
            }

            if (step.DependsOn.Contains(step.Name))
            {
                throw Invalid($"step '{step.Name}' refers to itself");
            }
        }

        // Kahn: whatever is never ready is on a cycle.
        var done = new HashSet<string>(StringComparer.Ordinal);
        var left = steps.ToList();
        while (left.Count > 0)
        {
            var ready = left.Where(s => s.DependsOn.All(done.Contains)).ToList();
            if (ready.Count == 0)
            {
                throw Invalid($"the steps {string.Join(", ", left.Select(s => $"'{s.Name}'"))} refer to each other in a cycle");
            }

            left.RemoveAll(ready.Contains);
            done.UnionWith(ready.Select(s => s.Name));
        }
    }

    private static AutomationCredentials Credentials(JsonNode? auth)
    {
        var obj = auth as JsonObject ?? throw Invalid("auth is required: {\"application_credential\": {\"id\", \"secret\"}} or {\"token\": \"...\"}");
        Unknown(obj, ["application_credential", "token"], "auth");
        if (obj["token"] is not null && obj["application_credential"] is not null)
        {
            throw Invalid("auth carries one of application_credential and token");
        }

        if (OptionalString(obj, "token") is { } token)
        {
            return new AutomationCredentials(null, null, token);
        }

        var credential = obj["application_credential"] as JsonObject ?? throw Invalid("auth needs application_credential or token");
        Unknown(credential, ["id", "secret"], "auth.application_credential");
        return new AutomationCredentials(
            OptionalString(credential, "id") ?? throw Invalid("auth.application_credential.id is required"),
            OptionalString(credential, "secret") ?? throw Invalid("auth.application_credential.secret is required"),
            null);
    }

    private static Dictionary<string, string>? Strings(JsonNode? node, string where)
    {
        if (node is null)
        {
            return null;
        }

        var obj = node as JsonObject ?? throw Invalid($"{where} must be an object of strings");
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in obj)
        {
            values[key] = value switch
            {
                JsonValue v when v.TryGetValue<string>(out var s) => s,
                JsonValue v when v.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.ToJsonString(),
                _ => throw Invalid($"{where}.{key} must be a string"),
            };
        }

        return values;
    }

    private static string? OptionalString(JsonObject obj, string key) => obj[key] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) && s.Length > 0 => s,
        _ => throw Invalid($"{key} must be a non-empty string"),
    };

    private static bool Bool(JsonNode? node, string where) => node switch
    {
        null => false,
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
        _ => throw Invalid($"{where} must be true or false"),
    };

    private static int Integer(JsonNode node, string where) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var i) ? i : throw Invalid($"{where} must be an integer");

    private static void Unknown(JsonObject obj, HashSet<string> allowed, string where)
    {
        if (obj.Select(p => p.Key).FirstOrDefault(k => !allowed.Contains(k)) is { } unknown)
        {
            throw Invalid($"{where} has an unknown member '{unknown}'");
        }
    }

    private static FormatException Invalid(string reason) => new(reason);

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,128}$")]
    private static partial Regex CorrelationIdPattern();

    [GeneratedRegex("^cloud-replies(-[a-z0-9]+)*$")]
    private static partial Regex ReplyQueuePattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex StepNamePattern();
}
