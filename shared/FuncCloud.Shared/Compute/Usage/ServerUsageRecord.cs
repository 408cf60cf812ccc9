using FuncCloud.Shared.Compute.Servers;

namespace FuncCloud.Shared.Compute.Usage;

/// <summary>
/// What nova's <c>os-simple-tenant-usage</c> reads of a server: its lifecycle (launched / terminated), its
/// current flavor's sizes (nova bills a resized server at its current flavor for the whole window) and the
/// name and vm_state it shows.
/// </summary>
public sealed record ServerUsageRecord(
    string ServerId,
    string ProjectId,
    string Name,
    string FlavorName,
    int Vcpus,
    int MemoryMb,
    int LocalGb,
    string VmState,
    DateTimeOffset? LaunchedAt,
    DateTimeOffset? TerminatedAt)
{
    /// <summary>The usage projection of <paramref name="server"/>.</summary>
    public static ServerUsageRecord Of(ServerRecord server) => new(
        server.Id,
        server.ProjectId,
        server.Name,
        server.Flavor.Name,
        server.Flavor.Vcpus,
        server.Flavor.RamMb,
        server.Flavor.DiskGb + server.Flavor.EphemeralGb,
        server.VmState,
        server.LaunchedAt,
        server.TerminatedAt);
}
