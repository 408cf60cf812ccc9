using System.Security.Cryptography;
using FuncCloud.Durable.Compute.Orchestrators;
using FuncCloud.Durable.Compute.Workflows;
using FuncCloud.Functions.Compute.Servers.Api;
using FuncCloud.Functions.Network.Compute;
using FuncCloud.Shared.Workflows;
using FuncCloud.Shared.Compute;
using FuncCloud.Shared.Compute.Aggregates;
using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.Flavors;
using FuncCloud.Shared.Compute.InstanceActions;
using FuncCloud.Shared.Compute.Keypairs;
using FuncCloud.Shared.Compute.Quotas;
using FuncCloud.Shared.Compute.ServerGroups;
using FuncCloud.Shared.Compute.Servers;
using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.OpenStack.Errors;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace FuncCloud.Functions.Compute.Servers.Services;

/// <summary>
/// <c>POST /servers</c>: validate against flavors, images, key pairs, zones and groups; reserve quota on the
/// project's usage counter (check and increment in one compare-and-swap); store the servers in BUILD/scheduling; record the
/// <c>create</c> instance action; start one boot workflow per server (instance id = server id + create).
/// </summary>
public sealed class ServerCreator(
    ServerRepository servers,
    IFlavorStore flavors,
    IServerImageSource images,
    IKeypairStore keypairs,
    IServerGroupStore groups,
    IServerGroupMembership membership,
    IComputeQuotaService quotas,
    AvailabilityZoneResolver zones,
    ServerPolicy policy,
    InstanceActionRepository actions,
    ServerNetworkResolver networks,
    ServerBlockDevicePlanner blockDevices,
    IOptions<ComputeOptions> options,
    TimeProvider time)
{
    public async Task<IReadOnlyList<ServerRecord>> CreateAsync(ComputeCall call, ServerCreateRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var project = call.ProjectId;
        policy.Enforce(ServerPolicies.Create, call.Caller);
        var flavor = await FlavorAsync(call, request.FlavorRef, cancellationToken);
        var image = request.ImageRef.Length == 0 ? null : await ImageAsync(call, request.ImageRef, flavor, cancellationToken);
        if (request.KeyName is { } keyName && await keypairs.FindAsync(call.Caller.UserId, keyName, cancellationToken) is null)
        {
            throw new BadRequestException("Invalid key_name provided.");
        }

        var (zone, forcedHost) = await ZoneAsync(call, request.AvailabilityZone, cancellationToken);
        var hints = await HintsAsync(project, request.Hints, cancellationToken);
        var volumePlans = await blockDevices.PlanAsync(call, request, cancellationToken);
        var (resolvedNetworks, securityGroups) = await networks.ResolveAsync(call.Caller, project, request.Networks, request.SecurityGroups, request.MaxCount, call.Version, cancellationToken);
        var perServer = new ComputeQuotaRequest(1, flavor.Vcpus, flavor.RamMb);
        await quotas.ReserveInstancesAsync(project, new ComputeQuotaRequest(request.MaxCount, flavor.Vcpus * request.MaxCount, flavor.RamMb * request.MaxCount), cancellationToken);

        var now = time.GetUtcNow();
        var requestId = RequestIds.Get(call.Request.HttpContext);
        var reservation = "r-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var created = new List<ServerRecord>();
        for (var i = 0; i < request.MaxCount; i++)
        {
            var id = Guid.NewGuid().ToString("D");
            var server = new ServerRecord
            {
                Id = id,
                ProjectId = project,
                UserId = call.Caller.UserId,
                Name = request.MaxCount > 1 ? $"{request.Name}-{i + 1}" : request.Name,
                Description = request.Description,
                Flavor = new ServerFlavor(flavor.Id, flavor.Name, flavor.Vcpus, flavor.RamMb, flavor.DiskGb, flavor.EphemeralGb, flavor.SwapMb, flavor.ExtraSpecs),
                ImageId = image?.Id ?? string.Empty,
                KeyName = request.KeyName,
                UserData = request.UserData,
                Metadata = request.Metadata,
                Tags = request.Tags,
                RequestedAvailabilityZone = zone,
                CreatedAt = now,
                UpdatedAt = now,
                ReservationId = reservation,
                LaunchIndex = i,
                SchedulerHints = hints,
                Networks = resolvedNetworks,
                SecurityGroups = securityGroups,
                BlockDevices = request.BlockDevices,
                ConfigDrive = request.ConfigDrive || options.Value.ForceConfigDrive,
                AccessIpv4 = request.AccessIpv4,
                AccessIpv6 = request.AccessIpv6,
                Operation = ComputeWorkflowIds.Create(id),
            };
            try
            {
                await servers.InsertAsync(server, cancellationToken, reserved: true);
            }
            catch
            {
                // Nothing half-written: withdraw the servers stored so far (their purge gives their usage back)
                // and the reservation of those never stored.
                await WithdrawAsync(project, created, perServer, request.MaxCount - created.Count);
                throw;
            }

            created.Add(server);
        }

        foreach (var server in created)
        {
            if (hints.Group is { } group)
            {
                await membership.AddMemberAsync(group, project, server.Id, cancellationToken);
            }

            await actions.StartAsync(new InstanceActionRecord(ServerActions.Create, server.Id, requestId, project, call.Caller.UserId, now, now, null, server.Operation, []), cancellationToken);
            var instance = new InstanceSpec(server.Id, server.Name, server.Flavor.ToSpec(), new ImageSpec(server.ImageId, null, image?.KernelId, image?.RamdiskId), server.UserData, server.Metadata, [], ConfigDrive: server.ConfigDrive);
            var input = new BootServerInput(server.Id, requestId, instance, image?.Properties ?? new Dictionary<string, string>(), forcedHost, options.Value.AgentTimeoutSeconds, volumePlans);
            await durable.ScheduleNewOrchestrationInstanceAsync(nameof(BootServerWorkflow), input, new StartOrchestrationOptions(server.Operation!) { Tags = WorkflowTags.For(WorkflowResourceTypes.Server, server.Id, project) }, cancellationToken);
        }

        return created;
    }

    private async Task<Flavor> FlavorAsync(ComputeCall call, string flavorRef, CancellationToken cancellationToken)
    {
        var id = flavorRef.TrimEnd('/').Split('/')[^1];
        var flavor = await flavors.FindAsync(id, cancellationToken);
        if (flavor is null || !flavor.IsVisibleTo(call.Caller.ProjectId, call.Caller.IsAdmin))
        {
            throw new BadRequestException("Invalid flavorRef provided.");
        }

        return flavor.Disabled ? throw new BadRequestException($"Flavor {id} is disabled.") : flavor;
    }

    // nova's create: an image the caller cannot see is ImageNotFound ("Can not find requested image"), then
    // ImageNotActive, then _validate_flavor_image_nostatus's size checks, each a 400.
    private async Task<ServerImage> ImageAsync(ComputeCall call, string imageRef, Flavor flavor, CancellationToken cancellationToken)
    {
        var id = imageRef.TrimEnd('/').Split('/')[^1];
        var image = await images.FindAsync(id, call.Caller, cancellationToken) ?? throw new BadRequestException("Can not find requested image");
        ServerImageChecks.EnsureFits(image, flavor.RamMb, flavor.DiskGb);
        return image;
    }

    // "zone", or "zone:host" (admin only) to force a host, as nova's availability_zone allows.
    private async Task<(string? Zone, string? ForcedHost)> ZoneAsync(ComputeCall call, string? requested, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(requested))
        {
            return (null, null);
        }

        var parts = requested.Split(':', 2);
        var zone = parts[0].Length == 0 ? null : parts[0];
        var host = parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null;
        if (host is not null)
        {
            policy.Enforce(ServerPolicies.CreateForcedHost, call.Caller);
        }

        // nova's get_availability_zones(get_only_available=True): the zones of enabled compute services, an
        // aggregate's availability_zone overriding the agent's own (a forced host skips the check).
        var known = (await zones.ListAsync(cancellationToken)).Where(n => n.Node.Enabled).Select(n => n.Zone).ToHashSet(StringComparer.Ordinal);
        if (zone is not null && host is null && !known.Contains(zone))
        {
            throw new BadRequestException($"The requested availability zone is not available");
        }

        return (zone, host);
    }

    private async Task<ServerSchedulerHints> HintsAsync(string project, ServerSchedulerHints hints, CancellationToken cancellationToken)
    {
        if (hints.Group is not { } groupId)
        {
            return hints;
        }

        var group = await groups.FindAsync(groupId, cancellationToken);
        return group is null || group.ProjectId != project
            ? throw new BadRequestException($"Invalid server group {groupId}")
            : hints with { GroupPolicy = group.Policy };
    }

    private async Task WithdrawAsync(string project, List<ServerRecord> created, ComputeQuotaRequest perServer, int notStored)
    {
        foreach (var server in created)
        {
            await servers.PurgeAsync(server.Id, CancellationToken.None);
        }

        await quotas.ReleaseInstancesAsync(project, new ComputeQuotaRequest(notStored, perServer.Cores * notStored, perServer.RamMb * notStored), CancellationToken.None);
    }
}
