using FuncCloud.Agent.Compute;
using FuncCloud.Agent.Storage;

namespace FuncCloud.Agent.Commands;

/// <summary>What a handler gets besides its payload: the node's driver, and where it is in its work.</summary>
public sealed class CommandExecution(string nodeName, IComputeDriver driver, bool recovering)
{
    public string NodeName { get; } = nodeName;

    public IComputeDriver Driver { get; } = driver;

    /// <summary>The node's volume driver; null unless the node has the <c>storage</c> role.</summary>
    public IVolumeDriver? VolumeDriver { get; init; }

    /// <summary>
    /// True when the journal shows this command started before (the agent crashed mid-command): the handler
    /// must look at the instance's actual state before acting.
    /// </summary>
    public bool Recovering { get; } = recovering;

    /// <summary>The step in progress, reported as <c>AgentFault.Step</c> if it fails (e.g. <c>driver.spawn</c>).</summary>
    public string Step { get; set; } = "agent.dispatch";
}
