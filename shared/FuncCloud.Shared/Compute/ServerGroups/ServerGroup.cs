namespace FuncCloud.Shared.Compute.ServerGroups;

/// <summary>
/// A server group: a scheduling policy over its members (nova's instance group).
/// </summary>
/// <param name="Id">UUID.</param>
/// <param name="Name">Display name (not unique).</param>
/// <param name="ProjectId">The owning project.</param>
/// <param name="UserId">The creating user.</param>
/// <param name="Policy">One of <see cref="ServerGroupPolicies"/>.</param>
/// <param name="MaxServerPerHost">The <c>anti-affinity</c> rule <c>max_server_per_host</c> (2.64+), or null.</param>
/// <param name="Members">Server ids, in the order they joined.</param>
/// <param name="CreatedAt">When it was created.</param>
public sealed record ServerGroup(
    string Id,
    string Name,
    string ProjectId,
    string UserId,
    string Policy,
    int? MaxServerPerHost,
    IReadOnlyList<string> Members,
    DateTimeOffset CreatedAt);

/// <summary>Server group policies.</summary>
public static class ServerGroupPolicies
{
    public const string Affinity = "affinity";
    public const string AntiAffinity = "anti-affinity";
    public const string SoftAffinity = "soft-affinity";
    public const string SoftAntiAffinity = "soft-anti-affinity";

    /// <summary>The policies of microversion 2.1 .. 2.14.</summary>
    public static readonly IReadOnlyList<string> Hard = [Affinity, AntiAffinity];

    /// <summary>Every policy (the soft ones from 2.15).</summary>
    public static readonly IReadOnlyList<string> All = [Affinity, AntiAffinity, SoftAffinity, SoftAntiAffinity];
}
