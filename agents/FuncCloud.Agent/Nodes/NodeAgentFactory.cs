using Microsoft.Extensions.DependencyInjection;

namespace FuncCloud.Agent.Nodes;

/// <summary>Creates the <see cref="NodeAgent"/> of a node name with the container's services.</summary>
public sealed class NodeAgentFactory(IServiceProvider services)
{
    public NodeAgent Create(string nodeName) => ActivatorUtilities.CreateInstance<NodeAgent>(services, nodeName);
}
