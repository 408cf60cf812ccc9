using System.Text.Json.Nodes;
using FuncCloud.Shared.Automation;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace FuncCloud.Durable.Automation;

/// <summary>
/// Runs an automation request (a single operation is a batch of one step): steps in dependency order, every
/// step whose references are satisfied in parallel, <c>wait</c> as a durable timer loop on the resource's
/// state (no thread blocked), stop at the first failure and optionally compensate (DELETE what the batch
/// created, newest first). Progress is the custom status the workflow monitor shows. Instance id:
/// <see cref="AutomationNames.InstanceId"/> of the correlation id.
/// </summary>
public static class AutomationWorkflow
{
    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromSeconds(1), backoffCoefficient: 2));

    [Function(nameof(AutomationWorkflow))]
    public static async Task<string> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var input = context.GetInput<AutomationWorkflowInput>()!;
        var views = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var results = new List<StepResult>();
        var pending = input.Steps.ToList();
        string? failure = null;
        while (pending.Count > 0 && failure is null)
        {
            var ready = pending.Where(s => s.DependsOn.All(views.ContainsKey)).ToList();
            pending.RemoveAll(ready.Contains);
            context.SetCustomStatus(new AutomationProgress(results.Count, input.Steps.Count, [.. ready.Select(s => s.Name)], null));
            foreach (var result in await Task.WhenAll(ready.Select(step => RunStepAsync(context, input, step, views))))
            {
                results.Add(result);
                views[result.Name] = AutomationViews.Step(result);
                failure ??= result.Error is { } error ? $"step '{result.Name}' failed: {error}" : null;
            }
        }

        var compensation = failure is not null && input.Compensate ? await CompensateAsync(context, input, results) : [];
        var status = failure is null ? AutomationStatus.Succeeded : AutomationStatus.Failed;
        context.SetCustomStatus(new AutomationProgress(results.Count, input.Steps.Count, [], failure));
        await context.CallActivityAsync<string>(
            nameof(CompleteAutomationRequest), new CompleteRequestInput(input.CorrelationId, status, failure, results, compensation, input.ReplyQueue), Retry);
        return status;
    }

    private static async Task<StepResult> RunStepAsync(TaskOrchestrationContext context, AutomationWorkflowInput input, AutomationStep step, Dictionary<string, JsonObject> views)
    {
        AutomationStep resolved;
        try
        {
            resolved = AutomationRefs.Resolve(step, views);
        }
        catch (InvalidOperationException e)
        {
            var now = Now(context);
            return new StepResult(step.Name, step.Method, step.Path, new StepResponse(0, new Dictionary<string, string>(), null, null, e.Message, now, now), null, e.Message);
        }

        var response = await context.CallActivityAsync<StepResponse>(nameof(ExecuteAutomationStep), new ExecuteStepInput(input.CorrelationId, resolved));
        if (!response.Succeeded)
        {
            return new StepResult(step.Name, resolved.Method, resolved.Path, response, null, response.Error ?? $"{resolved.Method} {resolved.Path} answered {response.StatusCode}");
        }

        if (!step.Wait)
        {
            return new StepResult(step.Name, resolved.Method, resolved.Path, response, null, null);
        }

        var deleting = resolved.Method == "DELETE";
        if ((deleting ? resolved.Path : response.ResourceUrl) is not { } url)
        {
            return new StepResult(step.Name, resolved.Method, resolved.Path, response, null, "wait: the response names no resource to wait for");
        }

        var resource = await WaitAsync(context, input, url, deleting);
        var error = !resource.Final
            ? $"wait: {url} is still {resource.Status ?? "not final"} after {input.WaitTimeoutSeconds} s"
            : resource.Failed ? $"wait: {url} ended {resource.Status ?? $"with status code {resource.StatusCode}"}" : null;
        return new StepResult(step.Name, resolved.Method, resolved.Path, response, resource, error);
    }

    /// <summary>Polls with a durable timer (1 s, 2 s ... capped at 5 s) until the resource is final or the bound passes.</summary>
    private static async Task<ResourceState> WaitAsync(TaskOrchestrationContext context, AutomationWorkflowInput input, string url, bool deleting)
    {
        var deadline = context.CurrentUtcDateTime.AddSeconds(input.WaitTimeoutSeconds);
        for (var attempt = 1; ; attempt++)
        {
            var state = await context.CallActivityAsync<ResourceState>(nameof(CheckAutomationResource), new CheckResourceInput(input.CorrelationId, url, deleting));
            if (state.Final || context.CurrentUtcDateTime >= deadline)
            {
                return state;
            }

            await context.CreateTimer(TimeSpan.FromSeconds(Math.Min(attempt, 5)), CancellationToken.None);
        }
    }

    /// <summary>DELETEs, newest first, what the succeeded (or half-succeeded) steps created.</summary>
    private static async Task<List<StepResult>> CompensateAsync(TaskOrchestrationContext context, AutomationWorkflowInput input, List<StepResult> results)
    {
        var undone = new List<StepResult>();
        foreach (var result in Enumerable.Reverse(results))
        {
            if (result.Method is "POST" or "PUT" && result.Response.Succeeded && result.Response.ResourceUrl is { } url)
            {
                var undo = new AutomationStep("undo-" + result.Name, "DELETE", url, null, null, null, false, []);
                var response = await context.CallActivityAsync<StepResponse>(nameof(ExecuteAutomationStep), new ExecuteStepInput(input.CorrelationId, undo));
                undone.Add(new StepResult(undo.Name, undo.Method, url, response, null, response.Succeeded || response.StatusCode == 404 ? null : $"DELETE {url} answered {response.StatusCode}"));
            }
        }

        return undone;
    }

    private static DateTimeOffset Now(TaskOrchestrationContext context) => new(context.CurrentUtcDateTime, TimeSpan.Zero);
}

/// <summary>The workflow's custom status: how far it got (the monitor shows it).</summary>
public sealed record AutomationProgress(int Completed, int Total, IReadOnlyList<string> Running, string? Failure);
