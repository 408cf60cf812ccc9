using System.Text.Json.Nodes;
using FuncCloud.Shared.Compute.Api;

namespace FuncCloud.Functions.Compute.Hypervisors;

/// <summary>The wire shapes of hypervisors (api-ref "Hypervisors", ids are node UUIDs as from 2.53).</summary>
public static class HypervisorWire
{
    /// <summary>The route of the hypervisor collection.</summary>
    public const string Collection = ComputeRoutes.V21 + "/os-hypervisors";

    /// <summary>The list entry.</summary>
    public static JsonObject Summary(ComputeNodeView node) => new()
    {
        ["id"] = node.Id,
        ["hypervisor_hostname"] = node.Name,
        ["state"] = node.Up && !node.ForcedDown ? "up" : "down",
        ["status"] = node.Enabled ? "enabled" : "disabled",
    };

    /// <summary>The detailed hypervisor.</summary>
    public static JsonObject Detail(ComputeApiVersion version, ComputeNodeView node)
    {
        var json = Summary(node);
        json["host_ip"] = node.HostIp;
        json["hypervisor_type"] = node.HypervisorType;
        json["hypervisor_version"] = 1000000;
        json["vcpus"] = node.VcpusTotal;
        json["vcpus_used"] = node.VcpusUsed;
        json["memory_mb"] = node.MemoryMbTotal;
        json["memory_mb_used"] = node.MemoryMbUsed;
        json["free_ram_mb"] = node.MemoryMbTotal - node.MemoryMbUsed;
        json["local_gb"] = node.DiskGbTotal;
        json["local_gb_used"] = node.DiskGbUsed;
        json["free_disk_gb"] = node.DiskGbTotal - node.DiskGbUsed;
        json["disk_available_least"] = node.DiskGbTotal - node.DiskGbUsed;
        json["current_workload"] = 0;
        json["running_vms"] = node.RunningVms;
        // 2.28 turned cpu_info from a JSON string into an object.
        json["cpu_info"] = version.IsAtLeast(2, 28) ? new JsonObject() : "{}";
        json["service"] = new JsonObject { ["host"] = node.Name, ["id"] = node.Id, ["disabled_reason"] = node.DisabledReason };
        return json;
    }

    /// <summary>The node <paramref name="id"/> (by UUID, or by name as older clients do).</summary>
    public static ComputeNodeView Find(IReadOnlyList<ComputeNodeView> nodes, string id) =>
        nodes.FirstOrDefault(n => n.Id == id) ?? nodes.FirstOrDefault(n => n.Name == id) ?? throw ComputeResourceNotFoundException.Hypervisor(id);

    /// <summary>Applies <c>hypervisor_hostname_pattern</c> (2.53+) as a substring match, like nova's <c>LIKE %pattern%</c>.</summary>
    public static IReadOnlyList<ComputeNodeView> Filter(ComputeCall call, IReadOnlyList<ComputeNodeView> nodes) =>
        call.Query("hypervisor_hostname_pattern") is { Length: > 0 } pattern
            ? nodes.Where(n => n.Name.Contains(pattern, StringComparison.OrdinalIgnoreCase)).ToList()
            : nodes;
}
