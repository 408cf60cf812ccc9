using FuncCloud.Durable.Compute.Scheduling;
using FuncCloud.Shared.Compute;
using FuncCloud.Shared.Compute.Nodes;
using FuncCloud.Shared.Compute.Placement;
using FuncCloud.Shared.Compute.Servers;

namespace FuncCloud.Durable.Tests.Compute.Scheduling;

/// <summary>Builds the host states and request specs the scheduler tests reason about.</summary>
internal static class Hosts
{
    /// <summary>Placement as deployed by default: 16× CPU, 1.5× RAM, 1.0× disk, 512 MB reserved.</summary>
    public static readonly PlacementOptions Placement = new();

    public static ComputeNodeRecord Node(string name, int vcpus = 8, int memoryMb = 8192, int diskGb = 100, string zone = "nova") => new()
    {
        Id = Guid.NewGuid().ToString(),
        Name = name,
        Hostname = name,
        AvailabilityZone = zone,
        Driver = "fake",
        Resources = new HostResources(vcpus, 0, memoryMb, 0, diskGb, 0),
        RegisteredAt = DateTimeOffset.UtcNow,
        LastHeartbeatAt = DateTimeOffset.UtcNow,
    };

    public static HostState Host(
        ComputeNodeRecord node,
        ResourceAmounts? used = null,
        bool up = true,
        IEnumerable<string>? servers = null,
        IReadOnlyDictionary<string, IReadOnlySet<string>>? aggregates = null,
        PlacementOptions? placement = null) =>
        new(node, up, (placement ?? Placement).InventoryOf(node.Resources), used ?? ResourceAmounts.Zero,
            (servers ?? []).ToHashSet(StringComparer.Ordinal), aggregates ?? new Dictionary<string, IReadOnlySet<string>>(), up ? 2 : 300);

    public static HostState Host(string name, int vcpus = 8, int memoryMb = 8192, int diskGb = 100, ResourceAmounts? used = null) =>
        Host(Node(name, vcpus, memoryMb, diskGb), used);

    public static RequestSpec Spec(
        int vcpus = 1,
        int memoryMb = 512,
        int diskGb = 1,
        string? zone = null,
        IReadOnlyDictionary<string, string>? image = null,
        ServerSchedulerHints? hints = null,
        IReadOnlyList<string>? groupHosts = null) =>
        new("server-1", "project-1", new ResourceAmounts(vcpus, memoryMb, diskGb), zone, new Dictionary<string, string>(),
            image ?? new Dictionary<string, string>(), hints ?? ServerSchedulerHints.None, groupHosts ?? [], null);
}
