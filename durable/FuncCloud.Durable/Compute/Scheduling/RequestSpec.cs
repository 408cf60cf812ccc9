using FuncCloud.Shared.Compute.Placement;
using FuncCloud.Shared.Compute.Servers;

namespace FuncCloud.Durable.Compute.Scheduling;

/// <summary>What a server asks of a host (nova's RequestSpec).</summary>
/// <param name="ServerId">The server being placed.</param>
/// <param name="ProjectId">Its project.</param>
/// <param name="Resources">VCPU, MEMORY_MB and DISK_GB to claim.</param>
/// <param name="AvailabilityZone">The requested zone, or null for any.</param>
/// <param name="FlavorExtraSpecs">The flavor's extra_specs (matched against aggregate metadata).</param>
/// <param name="ImageProperties">The image's properties (<c>hw_architecture</c>, <c>img_hv_type</c> ...).</param>
/// <param name="Hints">same_host / different_host / group.</param>
/// <param name="GroupHosts">The hosts of the other members of the server group, when there is one.</param>
/// <param name="ForcedHost">An admin's <c>zone:host</c> choice, or null.</param>
public sealed record RequestSpec(
    string ServerId,
    string ProjectId,
    ResourceAmounts Resources,
    string? AvailabilityZone,
    IReadOnlyDictionary<string, string> FlavorExtraSpecs,
    IReadOnlyDictionary<string, string> ImageProperties,
    ServerSchedulerHints Hints,
    IReadOnlyList<string> GroupHosts,
    string? ForcedHost);
