using System.Security.Cryptography;
using System.Text.Json.Nodes;
using FuncCloud.Functions.Network.Services;
using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.Keypairs;
using FuncCloud.Shared.Compute.Metadata;
using FuncCloud.Shared.Compute.Servers;
using FuncCloud.Shared.Network;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace FuncCloud.Functions.Compute.Metadata;

/// <summary>
/// Answers a guest's metadata request as a node's proxy forwarded it: checks the proxy's signature over the
/// instance id (nova's <c>_handle_instance_id_request</c>), then reads the server, its key pair and its ports
/// and resolves the path in <see cref="MetadataTree"/>.
/// </summary>
public sealed class InstanceMetadataService(
    ServerRepository servers,
    IKeypairStore keypairs,
    NetworkStore network,
    IOptions<MetadataOptions> options)
{
    /// <summary>The answer for <paramref name="path"/>; typed errors (400/403/404) otherwise.</summary>
    public async Task<MetadataContent> GetAsync(IHeaderDictionary headers, string? path, CancellationToken cancellationToken)
    {
        var server = await AuthenticateAsync(headers, cancellationToken);
        var metadata = await LoadAsync(server, cancellationToken);
        return MetadataTree.Resolve(metadata, path ?? string.Empty, () => RandomNumberGenerator.GetBytes(512))
            ?? throw new MetadataNotFoundException();
    }

    /// <summary>
    /// The instance behind <paramref name="ip"/> on <paramref name="networkId"/>: the port with that fixed address,
    /// bound to a server (device_owner <c>compute:*</c>). Nodes (role <c>service</c>) and admins only.
    /// </summary>
    public async Task<MetadataInstance> ResolveAsync(RequestContext caller, string? networkId, string? ip, CancellationToken cancellationToken)
    {
        if (!caller.IsAdmin && !caller.HasRole("service"))
        {
            throw new ForbiddenException("Policy doesn't allow os_compute_api:os-funccloud-nodes to be performed.");
        }

        if (string.IsNullOrEmpty(networkId) || string.IsNullOrEmpty(ip) || !System.Net.IPAddress.TryParse(ip, out _))
        {
            throw new BadRequestException("network_id and ip (an IP address) are required.");
        }

        var port = (await network.ListAsync(ResourceKindNames.Port, cancellationToken)).FirstOrDefault(p =>
            (string?)p.Body["network_id"] == networkId
            && ((string?)p.Body["device_owner"])?.StartsWith("compute:", StringComparison.Ordinal) == true
            && p.Body["fixed_ips"]?.AsArray().OfType<JsonObject>().Any(f => (string?)f["ip_address"] == ip) == true);
        return port is not null && (string?)port.Body["device_id"] is { Length: > 0 } device
            ? new MetadataInstance(device, (string?)port.Body["project_id"] ?? string.Empty)
            : throw new MetadataNotFoundException();
    }

    /// <summary>
    /// The config drive of <paramref name="serverId"/> (<see cref="ConfigDriveLayout"/>), for the node that spawns it.
    /// Nodes (role <c>service</c>) and admins only; a missing or deleted server is nova's 404.
    /// </summary>
    public async Task<ConfigDriveContents> ConfigDriveAsync(RequestContext caller, string serverId, CancellationToken cancellationToken)
    {
        if (!caller.IsAdmin && !caller.HasRole("service"))
        {
            throw new ForbiddenException("Policy doesn't allow os_compute_api:os-funccloud-nodes to be performed.");
        }

        var server = await servers.FindAsync(serverId, cancellationToken);
        if (server is null || server.IsDeleted)
        {
            throw new ComputeResourceNotFoundException("instance", serverId, $"Instance {serverId} could not be found.");
        }

        var metadata = await LoadAsync(server, cancellationToken);
        return new ConfigDriveContents(server.Id, ConfigDriveLayout.Files(metadata, () => RandomNumberGenerator.GetBytes(512)));
    }

    /// <summary>Everything the documents of <paramref name="server"/> are made from.</summary>
    public async Task<InstanceMetadata> LoadAsync(ServerRecord server, CancellationToken cancellationToken)
    {
        var keypair = server.KeyName is { } keyName ? await keypairs.FindAsync(server.UserId, keyName, cancellationToken) : null;
        var ports = (await network.ListAsync(ResourceKindNames.Port, cancellationToken))
            .Where(p => (string?)p.Body["device_id"] == server.Id)
            .OrderBy(p => (string?)p.Body["created_at"], StringComparer.Ordinal)
            .ToList();
        if (ports.Count == 0)
        {
            return new InstanceMetadata(server, keypair, []);
        }

        var floating = (await network.ListAsync(ResourceKindNames.FloatingIp, cancellationToken))
            .Where(f => (string?)f.Body["port_id"] is { } portId && ports.Any(p => p.Id == portId))
            .ToList();
        var subnets = new Dictionary<string, JsonObject?>();
        var networks = new Dictionary<string, JsonObject?>();
        var result = new List<MetadataPort>();
        foreach (var port in ports)
        {
            var networkId = (string?)port.Body["network_id"] ?? string.Empty;
            if (!networks.TryGetValue(networkId, out var net))
            {
                networks[networkId] = net = (await network.GetAsync(ResourceKindNames.Network, networkId, cancellationToken))?.Body;
            }

            var addresses = new List<MetadataAddress>();
            foreach (var fixedIp in port.Body["fixed_ips"]?.AsArray().OfType<JsonObject>() ?? [])
            {
                var subnetId = (string?)fixedIp["subnet_id"] ?? string.Empty;
                if (!subnets.TryGetValue(subnetId, out var subnet))
                {
                    subnets[subnetId] = subnet = (await network.GetAsync(ResourceKindNames.Subnet, subnetId, cancellationToken))?.Body;
                }

                if (subnet is not null && (string?)fixedIp["ip_address"] is { } address)
                {
                    addresses.Add(Address(address, subnet));
                }
            }

            result.Add(new MetadataPort(
                port.Id,
                networkId,
                (string?)port.Body["mac_address"] ?? string.Empty,
                (int?)net?["mtu"] ?? 1500,
                addresses,
                [.. floating.Where(f => (string?)f.Body["port_id"] == port.Id).Select(f => (string?)f.Body["floating_ip_address"] ?? string.Empty)]));
        }

        return new InstanceMetadata(server, keypair, result);
    }

    private async Task<ServerRecord> AuthenticateAsync(IHeaderDictionary headers, CancellationToken cancellationToken)
    {
        var instanceId = headers[MetadataRoutes.InstanceIdHeader].FirstOrDefault();
        var signature = headers[MetadataRoutes.SignatureHeader].FirstOrDefault();
        if (string.IsNullOrEmpty(instanceId))
        {
            throw new BadRequestException("X-Instance-ID header is missing from request.");
        }

        if (string.IsNullOrEmpty(signature))
        {
            throw new BadRequestException("X-Instance-ID-Signature header is missing from request.");
        }

        if (options.Value.SharedSecret is not { Length: > 0 } secret || !MetadataSignature.Verify(secret, instanceId, signature))
        {
            throw new ForbiddenException("Invalid proxy request signature.");
        }

        var server = await servers.FindAsync(instanceId, cancellationToken);
        if (server is null || server.IsDeleted)
        {
            throw new MetadataNotFoundException();
        }

        if (headers[MetadataRoutes.TenantIdHeader].FirstOrDefault() is { Length: > 0 } tenant && tenant != server.ProjectId)
        {
            throw new MetadataNotFoundException();
        }

        return server;
    }

    private static MetadataAddress Address(string address, JsonObject subnet) => new(
        address,
        (string?)subnet["cidr"] ?? string.Empty,
        (int?)subnet["ip_version"] ?? 4,
        (string?)subnet["gateway_ip"],
        (bool?)subnet["enable_dhcp"] ?? true,
        (string?)subnet["ipv6_address_mode"],
        [.. subnet["dns_nameservers"]?.AsArray().Select(d => (string?)d).OfType<string>() ?? []],
        [.. subnet["host_routes"]?.AsArray().OfType<JsonObject>().Select(r => new MetadataRoute((string?)r["destination"] ?? string.Empty, (string?)r["nexthop"] ?? string.Empty)) ?? []]);
}

/// <summary>nova's metadata 404 (no such path, or no such instance).</summary>
public sealed class MetadataNotFoundException() : OpenStackException(StatusCodes.Status404NotFound, "Not Found", "The resource could not be found.");
