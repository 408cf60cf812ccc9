namespace FuncCloud.Shared.Workflows;

/// <summary>
/// The custom status a compensating workflow sets when the operation failed although the orchestration
/// itself completes normally (it rolled back and left the resource in a clear state): the monitor lists such
/// workflows as failed, with <paramref name="Message"/> as the reason, without reading their histories.
/// </summary>
/// <param name="Result"><see cref="Failed"/>.</param>
/// <param name="Message">What failed and where (the resource's fault message).</param>
public sealed record WorkflowOutcome(string Result, string Message)
{
    /// <summary>The operation failed and was rolled back.</summary>
    public const string Failed = "failed";

    /// <summary>A failed outcome.</summary>
    public static WorkflowOutcome Failure(string message) => new(Failed, message);
}
