using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace FuncCloud.LocalHost.Tests.TestFunctions;

/// <summary>Orchestrators and activities written the way FuncCloud's workflows are, to pin the durable semantics.</summary>
public sealed class DurableFunctions(DurableProbe probe)
{
    [Function(nameof(GreetOrchestrator))]
    public static async Task<string> GreetOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context, string name) =>
        await context.CallActivityAsync<string>(nameof(SayHello), name);

    [Function(nameof(SayHello))]
    public static string SayHello([ActivityTrigger] string name) => $"Hello {name}";

    [Function(nameof(FamilyOrchestrator))]
    public static async Task<FamilyGreeting> FamilyOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var request = context.GetInput<GreetingRequest>()!;
        var greetings = new List<string>();
        foreach (var name in request.Names)
        {
            greetings.Add(await context.CallSubOrchestratorAsync<string>(nameof(GreetOrchestrator), name));
        }

        return new FamilyGreeting(request.Family, greetings);
    }

    [Function(nameof(ParentOrchestrator))]
    public static async Task<string?> ParentOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context) =>
        await context.CallSubOrchestratorAsync<string?>(nameof(WhoIsMyParentOrchestrator));

    [Function(nameof(WhoIsMyParentOrchestrator))]
    public static string? WhoIsMyParentOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context) =>
        context.Parent is { } parent ? $"{parent.Name}/{parent.InstanceId}" : null;

    [Function(nameof(RetryOrchestrator))]
    public static Task<string> RetryOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context) =>
        context.CallActivityAsync<string>(
            nameof(FlakyActivity),
            context.GetInput<FlakyInput>(),
            TaskOptions.FromRetryPolicy(new RetryPolicy(maxNumberOfAttempts: 4, firstRetryInterval: TimeSpan.FromSeconds(1))));

    [Function(nameof(FlakyActivity))]
    public string FlakyActivity([ActivityTrigger] FlakyInput input, TaskActivityContext context)
    {
        var attempt = probe.Increment(context.InstanceId);
        return attempt <= input.FailuresBeforeSuccess
            ? throw new InvalidOperationException($"attempt {attempt} of {input.Label} failed")
            : $"{input.Label} succeeded on attempt {attempt}";
    }

    [Function(nameof(TimerOrchestrator))]
    public static async Task<double> TimerOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var start = context.CurrentUtcDateTime;
        await context.CreateTimer(TimeSpan.FromSeconds(context.GetInput<int>()), CancellationToken.None);
        return (context.CurrentUtcDateTime - start).TotalSeconds;
    }

    [Function(nameof(ApprovalOrchestrator))]
    public static async Task<string> ApprovalOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context, ApprovalRequest request)
    {
        context.SetCustomStatus(new ApprovalStatus("waiting", request.ResourceId));
        try
        {
            var decision = await context.WaitForExternalEvent<ApprovalDecision>(DurableEvents.Approval, TimeSpan.FromSeconds(request.TimeoutSeconds));
            context.SetCustomStatus(new ApprovalStatus("decided", request.ResourceId));
            return $"{request.ResourceId} approved by {decision.By}";
        }
        catch (TaskCanceledException)
        {
            context.SetCustomStatus(new ApprovalStatus("timed-out", request.ResourceId));
            return $"{request.ResourceId} timed out";
        }
    }

    [Function(nameof(ProvisionOrchestrator))]
    public static async Task<string> ProvisionOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context, ProvisionRequest request)
    {
        await context.CallActivityAsync(nameof(RecordProvisioning), request.ResourceId);
        await context.WaitForExternalEvent<string>(DurableEvents.Continue);
        return $"{request.ResourceId} provisioned";
    }

    [Function(nameof(RecordProvisioning))]
    public void RecordProvisioning([ActivityTrigger] string resourceId) => probe.Increment(resourceId);

    [Function(nameof(FailingOrchestrator))]
    public static async Task FailingOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context) =>
        await context.CallActivityAsync(nameof(ExplodingActivity), context.GetInput<string>());

    [Function(nameof(ExplodingActivity))]
    public static void ExplodingActivity([ActivityTrigger] string node) => throw new InvalidOperationException($"disk full on {node}");

    [Function(nameof(ThrowingOrchestrator))]
    public static Task ThrowingOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context) =>
        throw new WorkflowFailedException(context.GetInput<string>()!, "no host has room");
}

/// <summary>External event names of the test workflows.</summary>
public static class DurableEvents
{
    public const string Approval = nameof(Approval);
    public const string Continue = nameof(Continue);
}

public sealed record GreetingRequest(string Family, IReadOnlyList<string> Names);

public sealed record FamilyGreeting(string Family, IReadOnlyList<string> Greetings);

public sealed record FlakyInput(string Label, int FailuresBeforeSuccess);

public sealed record ApprovalRequest(string ResourceId, int TimeoutSeconds);

public sealed record ApprovalDecision(string By);

public sealed record ApprovalStatus(string Stage, string ResourceId);

public sealed record ProvisionRequest(string ResourceId);

/// <summary>A typed workflow failure carrying the resource id, as FuncCloud's workflows throw them.</summary>
public sealed class WorkflowFailedException(string resourceId, string reason) : Exception($"Workflow for {resourceId} failed: {reason}")
{
    public string ResourceId { get; } = resourceId;
}

/// <summary>Counts activity attempts per key (instance id or resource id), across the whole test run.</summary>
public sealed class DurableProbe
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _counts = new();

    public int Increment(string key) => _counts.AddOrUpdate(key, 1, (_, count) => count + 1);

    public int Count(string key) => _counts.GetValueOrDefault(key);
}
