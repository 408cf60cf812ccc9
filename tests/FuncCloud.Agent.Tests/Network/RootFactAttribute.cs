using Xunit;

namespace FuncCloud.Agent.Tests.Network;

/// <summary>A fact that needs root (it makes bridges, namespaces and netfilter rules): skipped, saying so, otherwise.</summary>
public sealed class RootFactAttribute : FactAttribute
{
    public const string NotRootReason = "Needs root: the Linux bridge driver tests create bridges, network namespaces and iptables rules (CI runs them as root).";

    public RootFactAttribute()
    {
        if (!Environment.IsPrivilegedProcess)
        {
            Skip = NotRootReason;
        }
    }
}
