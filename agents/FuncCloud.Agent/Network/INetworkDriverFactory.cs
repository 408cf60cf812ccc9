namespace FuncCloud.Agent.Network;

/// <summary>Gives each node its network driver (one per node; Fake nodes of a simulation each get their own).</summary>
public interface INetworkDriverFactory
{
    /// <summary>The driver of <paramref name="nodeName"/>.</summary>
    INetworkDriver GetDriver(string nodeName);
}
