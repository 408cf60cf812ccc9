using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.Servers;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Functions.Compute.Servers.Api;

/// <summary>Nova's server views (nova/api/openstack/compute/views/servers.py), by microversion.</summary>
public static class ServerWire
{
    /// <summary>The collection path under /compute/v2.1.</summary>
    public const string Collection = ComputeRoutes.V21 + "/servers";

    /// <summary>The attached volumes (<c>id</c>; <c>delete_on_termination</c> at 2.3+), as nova's extended-volumes view.</summary>
    private static JsonArray VolumesAttached(ComputeApiVersion version, ServerRecord server) =>
        new([.. server.VolumeAttachments.Where(a => a.Attached).Select(a => (JsonNode)(version.IsAtLeast(2, 3)
            ? new JsonObject { ["id"] = a.VolumeId, ["delete_on_termination"] = a.DeleteOnTermination }
            : new JsonObject { ["id"] = a.VolumeId }))]);

    /// <summary>The list entry: id, name, links.</summary>
    public static JsonObject Summary(HttpRequest request, ServerRecord server) => new()
    {
        ["id"] = server.Id,
        ["name"] = server.Name,
        ["links"] = NovaPaging.ResourceLinks(request, $"servers/{server.Id}"),
    };

    /// <summary>The full server (show, detail); <paramref name="addresses"/> from its ports (<see cref="Network.Compute.ServerAddresses"/>).</summary>
    public static JsonObject Detail(HttpRequest request, ComputeApiVersion version, ServerRecord server, bool isAdmin, JsonObject? addresses = null)
    {
        var json = new JsonObject
        {
            ["id"] = server.Id,
            ["name"] = server.Name,
            ["status"] = server.Status,
            ["tenant_id"] = server.ProjectId,
            ["user_id"] = server.UserId,
            ["metadata"] = Metadata(server.Metadata),
            ["hostId"] = HostId(server),
            ["image"] = server.ImageId.Length == 0 ? "" : new JsonObject
            {
                ["id"] = server.ImageId,
                ["links"] = new JsonArray(new JsonObject { ["rel"] = "bookmark", ["href"] = $"{ComputeRoutes.RootUrl(request)}/images/{server.ImageId}" }),
            },
            ["flavor"] = Flavor(request, version, server.Flavor),
            ["created"] = Time(server.CreatedAt),
            ["updated"] = Time(server.UpdatedAt),
            ["addresses"] = addresses ?? new JsonObject(),
            ["accessIPv4"] = server.AccessIpv4,
            ["accessIPv6"] = server.AccessIpv6,
            ["links"] = NovaPaging.ResourceLinks(request, $"servers/{server.Id}"),
            ["OS-DCF:diskConfig"] = "MANUAL",
            ["OS-EXT-AZ:availability_zone"] = server.AvailabilityZone ?? string.Empty,
            ["config_drive"] = server.ConfigDrive ? "True" : string.Empty,
            ["key_name"] = server.KeyName,
            ["OS-SRV-USG:launched_at"] = UsageTime(server.LaunchedAt),
            ["OS-SRV-USG:terminated_at"] = UsageTime(server.TerminatedAt),
            ["OS-EXT-STS:task_state"] = server.TaskState,
            ["OS-EXT-STS:vm_state"] = server.VmState,
            ["OS-EXT-STS:power_state"] = (int)server.PowerState,
            ["os-extended-volumes:volumes_attached"] = VolumesAttached(version, server),
        };
        // nova shows progress only in its progress statuses (not SHUTOFF, PAUSED, ERROR...).
        if (server.Status is "ACTIVE" or "BUILD" or "REBUILD" or "RESIZE" or "VERIFY_RESIZE" or "MIGRATING")
        {
            json["progress"] = server.VmState == VmStates.Active ? 100 : 0;
        }

        if (isAdmin)
        {
            json["OS-EXT-SRV-ATTR:host"] = server.Host;
            json["OS-EXT-SRV-ATTR:hypervisor_hostname"] = server.Host;
            json["OS-EXT-SRV-ATTR:instance_name"] = "instance-" + server.Id[..8];
        }

        if (version.IsAtLeast(2, 3) && isAdmin)
        {
            json["OS-EXT-SRV-ATTR:reservation_id"] = server.ReservationId;
            json["OS-EXT-SRV-ATTR:launch_index"] = server.LaunchIndex;
            json["OS-EXT-SRV-ATTR:hostname"] = server.Name;
            json["OS-EXT-SRV-ATTR:kernel_id"] = string.Empty;
            json["OS-EXT-SRV-ATTR:ramdisk_id"] = string.Empty;
            json["OS-EXT-SRV-ATTR:root_device_name"] = "/dev/vda";
            json["OS-EXT-SRV-ATTR:user_data"] = server.UserData;
        }

        if (server.Fault is { } fault && server.VmState is VmStates.Error or VmStates.Deleted)
        {
            var faultJson = new JsonObject { ["code"] = fault.Code, ["created"] = Time(fault.Created), ["message"] = fault.Message };
            if (isAdmin || fault.Code != 500)
            {
                faultJson["details"] = fault.Details;
            }

            json["fault"] = faultJson;
        }

        if (version.IsAtLeast(2, 9))
        {
            json["locked"] = server.Locked;
        }

        if (version.IsAtLeast(2, 16) && isAdmin)
        {
            json["host_status"] = server.Host is null ? string.Empty : "UP";
        }

        if (version.IsAtLeast(2, 19))
        {
            json["description"] = server.Description;
        }

        if (version.IsAtLeast(2, 26))
        {
            json["tags"] = new JsonArray([.. server.Tags.Select(t => (JsonNode)t)]);
        }

        if (version.IsAtLeast(2, 63))
        {
            json["trusted_image_certificates"] = null;
        }

        if (version.IsAtLeast(2, 73))
        {
            json["locked_reason"] = server.LockedReason;
        }

        return json;
    }

    /// <summary>
    /// The server in the answer of <c>PUT /servers/{id}</c> and of rebuild: before 2.75 nova shows the basic
    /// view there (no OS-EXT-*, OS-SRV-USG, config_drive, volumes, key_name), rebuild adds key_name from 2.54
    /// and user_data from 2.57; from 2.75 both show the whole server as GET does.
    /// </summary>
    public static JsonObject Changed(HttpRequest request, ComputeApiVersion version, ServerRecord server, bool isAdmin, bool rebuild, JsonObject? addresses = null)
    {
        var json = Detail(request, version, server, isAdmin, addresses);
        if (version.IsAtLeast(2, 75))
        {
            return json;
        }

        foreach (var key in json.Select(p => p.Key).ToList())
        {
            var keep = key switch
            {
                "key_name" => rebuild && version.IsAtLeast(2, 54),
                "config_drive" or "os-extended-volumes:volumes_attached" or "host_status" or "security_groups" => false,
                _ => !key.StartsWith("OS-EXT-", StringComparison.Ordinal) && !key.StartsWith("OS-SRV-USG:", StringComparison.Ordinal),
            };
            if (!keep)
            {
                json.Remove(key);
            }
        }

        if (rebuild && version.IsAtLeast(2, 57))
        {
            json["user_data"] = server.UserData;
        }

        return json;
    }

    /// <summary>A generated admin password (nova's is 12 characters of letters and digits).</summary>
    public static string NewAdminPass() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(9)).Replace('+', 'x').Replace('/', 'y');

    /// <summary>The body of a 202 create: id, links, diskConfig, security_groups (as requested, else <c>default</c>), adminPass.</summary>
    public static JsonObject Created(HttpRequest request, ServerRecord server, string adminPass, IReadOnlyList<string>? securityGroups = null) => new()
    {
        ["id"] = server.Id,
        ["links"] = NovaPaging.ResourceLinks(request, $"servers/{server.Id}"),
        ["OS-DCF:diskConfig"] = "MANUAL",
        ["security_groups"] = new JsonArray([.. (securityGroups is { Count: > 0 } ? securityGroups : ["default"]).Select(name => (JsonNode)new JsonObject { ["name"] = name })]),
        ["adminPass"] = adminPass,
    };

    public static JsonObject Metadata(IReadOnlyDictionary<string, string> metadata) =>
        new(metadata.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => KeyValuePair.Create(m.Key, (JsonNode?)m.Value)));

    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static string? UsageTime(DateTimeOffset? time) => time?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    private static JsonNode Flavor(HttpRequest request, ComputeApiVersion version, ServerFlavor flavor)
    {
        if (!version.IsAtLeast(2, 47))
        {
            return new JsonObject
            {
                ["id"] = flavor.Id,
                ["links"] = new JsonArray(new JsonObject { ["rel"] = "bookmark", ["href"] = $"{ComputeRoutes.RootUrl(request)}/flavors/{flavor.Id}" }),
            };
        }

        return new JsonObject
        {
            ["vcpus"] = flavor.Vcpus,
            ["ram"] = flavor.RamMb,
            ["disk"] = flavor.DiskGb,
            ["ephemeral"] = flavor.EphemeralGb,
            ["swap"] = flavor.SwapMb,
            ["original_name"] = flavor.Name,
            ["extra_specs"] = Metadata(flavor.ExtraSpecs),
        };
    }

    // nova hashes project_id + host (sha224) so tenants can tell co-location without learning host names; the
    // value is opaque, so a truncated SHA-256 of the same input (56 hex digits, as long as nova's) serves.
    private static string HostId(ServerRecord server) =>
        server.Host is null ? string.Empty : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(server.ProjectId + server.Host))[..28]);
}
