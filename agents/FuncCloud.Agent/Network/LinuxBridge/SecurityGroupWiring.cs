using FuncCloud.Shared.Network.Wiring;

namespace FuncCloud.Agent.Network.LinuxBridge;

/// <summary>
/// Installs <see cref="SecurityGroupRules"/> in the host's iptables and ip6tables (the nft backend on Debian
/// 12): the driver's chains are declared and refilled atomically with <c>-restore --noflush</c> (nothing
/// else in the host's tables is touched), the FORWARD jump is made once, and chains of ports that are gone are
/// flushed and deleted; with no filtered port left, the base chain and its jump go too.
/// </summary>
public sealed class SecurityGroupWiring(NetworkCommands commands)
{
    /// <summary>Makes the host's filter chains match <paramref name="ports"/>.</summary>
    public async Task ApplyAsync(IReadOnlyList<PortState> ports, NetworkHostConfig config, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateDirectory(Path.Combine(config.StateFolder, "firewall")).FullName;
        var any = ports.Any(p => p.PortSecurityEnabled);
        foreach (var family in new[] { 4, 6 })
        {
            var tool = Tool(family);
            var present = await ChainsAsync(tool, cancellationToken);
            if (!any)
            {
                await RemoveAsync(tool, present, cancellationToken);
                continue;
            }

            var (chains, text) = SecurityGroupRules.Build(ports, family);
            var file = Path.Combine(folder, $"filter{family}.rules");
            await File.WriteAllTextAsync(file, text, cancellationToken);
            await commands.HostAsync(tool + "-restore", ["-w", "5", "--noflush", file], cancellationToken);
            if ((await commands.TryHostAsync(tool, ["-w", "5", "-C", "FORWARD", "-j", SecurityGroupRules.BaseChain], cancellationToken)).ExitCode != 0)
            {
                await commands.HostAsync(tool, ["-w", "5", "-I", "FORWARD", "1", "-j", SecurityGroupRules.BaseChain], cancellationToken);
            }

            var wanted = chains.ToHashSet(StringComparer.Ordinal);
            await DeleteChainsAsync(tool, present.Where(c => !wanted.Contains(c)), cancellationToken);
        }
    }

    /// <summary>The ids of the ports whose jump rules are installed (from the rules' comments).</summary>
    public async Task<IReadOnlyList<string>> ObserveAsync(CancellationToken cancellationToken)
    {
        var result = await commands.TryHostAsync(Tool(4), ["-w", "5", "-S", SecurityGroupRules.BaseChain], cancellationToken);
        if (result.ExitCode != 0)
        {
            return [];
        }

        return [.. result.StandardOutput.Split('\n')
            .SelectMany(line => line.Split(' '))
            .Select(word => word.Trim('"'))
            .Where(word => word.StartsWith(SecurityGroupRules.PortComment, StringComparison.Ordinal))
            .Select(word => word[SecurityGroupRules.PortComment.Length..])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>The driver's chains in one family's filter table.</summary>
    public async Task<IReadOnlyList<string>> ChainsAsync(string tool, CancellationToken cancellationToken)
    {
        var result = await commands.HostAsync(tool, ["-w", "5", "-S"], cancellationToken);
        return [.. result.StandardOutput.Split('\n')
            .Where(line => line.StartsWith("-N " + SecurityGroupRules.ChainPrefix, StringComparison.Ordinal))
            .Select(line => line[3..].Trim())];
    }

    private string Tool(int family) => family == 4 ? commands.Options.Iptables : commands.Options.Iptables.Replace("iptables", "ip6tables", StringComparison.Ordinal);

    private async Task RemoveAsync(string tool, IReadOnlyList<string> present, CancellationToken cancellationToken)
    {
        while ((await commands.TryHostAsync(tool, ["-w", "5", "-D", "FORWARD", "-j", SecurityGroupRules.BaseChain], cancellationToken)).ExitCode == 0)
        {
            // Removes every copy of the jump (an older process may have inserted one twice).
        }

        await DeleteChainsAsync(tool, present, cancellationToken);
    }

    private async Task DeleteChainsAsync(string tool, IEnumerable<string> chains, CancellationToken cancellationToken)
    {
        var list = chains.ToList();

        // Flush all first: a chain cannot be deleted while another chain still jumps to it.
        foreach (var chain in list)
        {
            await commands.HostAsync(tool, ["-w", "5", "-F", chain], cancellationToken);
        }

        foreach (var chain in list)
        {
            await commands.HostAsync(tool, ["-w", "5", "-X", chain], cancellationToken);
        }
    }
}
