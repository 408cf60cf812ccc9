using DurableTask.Core;
using DurableTask.Core.Middleware;
using Microsoft.DurableTask;

namespace FuncCloud.LocalHost.Durable;

/// <summary>
/// Gives a sub-orchestration its <c>TaskOrchestrationContext.Parent</c>. DTFx creates the orchestration
/// object before it knows which instance it runs, so the shim is built without a parent; a dispatcher
/// middleware sees the runtime state and flows the parent to the execution it wraps.
/// </summary>
internal static class OrchestrationParent
{
    private static readonly AsyncLocal<ParentOrchestrationInstance?> Current = new();

    /// <summary>The parent of the orchestration executing on this flow, if it is a sub-orchestration.</summary>
    public static ParentOrchestrationInstance? Value => Current.Value;

    /// <summary>The orchestration dispatcher middleware that sets <see cref="Value"/> for one execution.</summary>
    public static async Task Middleware(DispatchMiddlewareContext context, Func<Task> next)
    {
        var parent = context.GetProperty<OrchestrationRuntimeState>()?.ParentInstance;
        Current.Value = parent is null ? null : new ParentOrchestrationInstance(parent.Name, parent.OrchestrationInstance.InstanceId);
        try
        {
            await next();
        }
        finally
        {
            Current.Value = null;
        }
    }
}
