namespace FuncCloud.Agent.Compute;

/// <summary>
/// Gives each node hosted by the agent process its driver. A singleton: the same node name always gets the
/// same driver, so a node's hypervisor state outlives a restart of its command pump.
/// </summary>
public interface IComputeDriverFactory
{
    /// <summary>The driver of <paramref name="nodeName"/>, created on first use.</summary>
    IComputeDriver GetDriver(string nodeName);
}
