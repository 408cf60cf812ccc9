namespace FuncCloud.Shared.Agents.Nodes;

/// <summary>The answer of <see cref="ComputeNodeRoutes.CommandSignal"/>: the node's wake-up sequence in this process.</summary>
/// <param name="Sequence">Pass it back as <c>since</c>; a different value than the agent sent means "poll your queue now".</param>
public sealed record CommandSignal(long Sequence);
