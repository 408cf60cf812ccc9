using FuncCloud.Functions.Compute.Servers.Api;

namespace FuncCloud.Functions.Compute.Interfaces;

/// <summary>The routes of nova's os-interface and os-security-groups under a server.</summary>
public static class InterfaceRoutes
{
    /// <summary><c>/servers/{serverId}/os-interface</c>.</summary>
    public const string Collection = ServerWire.Collection + "/{serverId}/os-interface";

    /// <summary><c>/servers/{serverId}/os-security-groups</c>.</summary>
    public const string SecurityGroups = ServerWire.Collection + "/{serverId}/os-security-groups";
}
