namespace FuncCloud.Shared.Agents.Nodes;

/// <summary>
/// The routes of the node registration API (a FuncCloud extension under the compute service, in the
/// style of nova's <c>os-*</c> extensions). The agent calls them with its own Keystone token.
/// </summary>
public static class ComputeNodeRoutes
{
    /// <summary><c>PUT</c> with a <see cref="ComputeNodeRegistration"/>: create or update the node (200/201).</summary>
    public const string Node = "/compute/v2.1/os-funccloud-nodes/{node}";

    /// <summary><c>POST</c> with a <see cref="ComputeNodeHeartbeat"/>: 204, or 404 when the node is not registered.</summary>
    public const string Heartbeat = "/compute/v2.1/os-funccloud-nodes/{node}/heartbeat";

    /// <summary>
    /// <c>GET ?since=N&amp;wait=S</c>: a long-poll answering <see cref="CommandSignal"/> as soon as a command is enqueued for
    /// the node by this control-plane process (or after S seconds); the agent then polls its queue at once.
    /// </summary>
    public const string CommandSignal = "/compute/v2.1/os-funccloud-nodes/{node}/command-signal";

    /// <summary><c>POST</c>: 204; the agent has just put results on its results queue (the host polls it now).</summary>
    public const string ResultsPosted = "/compute/v2.1/os-funccloud-nodes/{node}/results-posted";

    /// <summary>
    /// <c>PUT</c> with a <see cref="FleetRegistration"/>: registers many nodes of one fleet (one agent process simulating many
    /// Fake nodes) in one call; their commands then go to the fleet's one queue <c>fleet-&lt;fleet&gt;</c>.
    /// </summary>
    public const string FleetNodes = "/compute/v2.1/os-funccloud-fleets/{fleet}/nodes";

    /// <summary><c>POST</c> with a <see cref="FleetHeartbeat"/>: one beat for many nodes; answers <see cref="FleetHeartbeatResult"/>.</summary>
    public const string FleetHeartbeat = "/compute/v2.1/os-funccloud-fleets/{fleet}/heartbeat";

    /// <summary><c>GET ?since=N&amp;wait=S</c>: <see cref="CommandSignal"/> for the fleet's queue (one long-poll for all its nodes).</summary>
    public const string FleetCommandSignal = "/compute/v2.1/os-funccloud-fleets/{fleet}/command-signal";
}
