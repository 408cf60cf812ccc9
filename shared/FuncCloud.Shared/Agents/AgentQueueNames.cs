using System.Text.RegularExpressions;

namespace FuncCloud.Shared.Agents;

/// <summary>
/// The logical names of the agent queues. Map them through <see cref="Storage.StorageNames.Queue"/>
/// before use: deployments and tests put a prefix in front of every queue.
/// </summary>
public static partial class AgentQueueNames
{
    /// <summary>Where every agent posts <see cref="AgentResult"/> messages, one per command.</summary>
    public const string Results = "agent-results";

    /// <summary>Where agents post unsolicited reports such as <see cref="PowerStateReport"/>.</summary>
    public const string Events = "agent-events";

    /// <summary>The suffix of the poison queue of every queue (the Functions convention).</summary>
    public const string PoisonSuffix = "-poison";

    /// <summary>The command queue of one node: <c>agent-&lt;node&gt;</c>.</summary>
    /// <exception cref="ArgumentException">The node name is not a lower-case DNS label.</exception>
    public static string ForNode(string nodeName)
    {
        if (!IsValidNodeName(nodeName))
        {
            throw new ArgumentException(
                $"Node name '{nodeName}' must be 1-40 lower-case letters, digits or single dashes, starting and ending with a letter or digit.",
                nameof(nodeName));
        }

        return "agent-" + nodeName;
    }

    /// <summary>
    /// The one command queue of a fleet (many simulated nodes in one agent process): <c>fleet-&lt;fleet&gt;</c>. Its
    /// messages carry <see cref="AgentCommand.Node"/>; the prefix differs from <c>agent-</c>, so no node name collides.
    /// </summary>
    /// <exception cref="ArgumentException">The fleet name is not a lower-case DNS label.</exception>
    public static string ForFleet(string fleetName) => IsValidNodeName(fleetName)
        ? "fleet-" + fleetName
        : throw new ArgumentException($"Fleet name '{fleetName}' must be 1-40 lower-case letters, digits or single dashes.", nameof(fleetName));

    /// <summary>The key of a fleet's wake-up signal in <see cref="NodeCommandSignals"/> (apart from every node name).</summary>
    public static string FleetSignal(string fleetName) => "fleet:" + fleetName;

    /// <summary>The poison queue of a queue.</summary>
    public static string Poison(string logicalQueueName) => logicalQueueName + PoisonSuffix;

    /// <summary>
    /// Node names become queue names, so they are lower-case DNS labels short enough to leave room for a
    /// storage prefix and the poison suffix inside the 63-character queue name limit.
    /// </summary>
    public static bool IsValidNodeName(string? nodeName) => nodeName is not null && NodeNamePattern().IsMatch(nodeName);

    [GeneratedRegex("^(?=.{1,40}$)[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex NodeNamePattern();
}
