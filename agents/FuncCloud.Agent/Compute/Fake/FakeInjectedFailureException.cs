namespace FuncCloud.Agent.Compute.Fake;

/// <summary>A failure the Fake driver injected on purpose (failure injection options).</summary>
public sealed class FakeInjectedFailureException(string serverId, FakeOperation operation, int callNumber)
    : ComputeDriverException(serverId, $"Fake driver injected a failure into {operation} of instance {serverId} (call {callNumber}).")
{
    /// <summary>The operation that failed.</summary>
    public FakeOperation Operation { get; } = operation;

    /// <summary>The 1-based number of the failed call of that operation.</summary>
    public int CallNumber { get; } = callNumber;
}
