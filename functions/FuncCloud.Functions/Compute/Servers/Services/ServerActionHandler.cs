using System.Text.Json.Nodes;
using FuncCloud.Durable.Compute.Orchestrators;
using FuncCloud.Durable.Compute.Workflows;
using FuncCloud.Functions.Compute.Servers.Api;
using FuncCloud.Functions.Network.Compute;
using FuncCloud.Shared.Workflows;
using FuncCloud.Shared.Agents.Commands;
using FuncCloud.Shared.Compute;
using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.Flavors;
using FuncCloud.Shared.Compute.Servers;
using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.OpenStack.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace FuncCloud.Functions.Compute.Servers.Services;

/// <summary><c>POST /servers/{id}/action</c>: one member names the action; each maps to nova's status code.</summary>
public sealed class ServerActionHandler(
    ServerOperations operations,
    ServerQueries queries,
    IFlavorStore flavors,
    IServerImageSource images,
    ServerPolicy policy,
    ServerSnapshotCreator snapshots,
    ServerSecurityGroups securityGroups,
    IOptions<ComputeOptions> options,
    TimeProvider time)
{
    public async Task<IResult> HandleAsync(ComputeCall call, string serverId, JsonObject body, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        if (body.Count != 1)
        {
            throw new BadRequestException("Exactly one action must be given in the request body.");
        }

        var (name, value) = body.First();
        switch (name)
        {
            case "reboot":
                var type = (value as JsonObject)?.OptionalString("type")?.ToUpperInvariant();
                if (type is not ("SOFT" or "HARD"))
                {
                    throw new BadRequestException($"Invalid input for field/attribute type. Value: {type}. '{type}' is not one of ['HARD', 'Hard', 'hard', 'SOFT', 'Soft', 'soft']");
                }

                var hard = type == "HARD";
                await operations.StartActionAsync(call, serverId, hard ? ServerActions.RebootHard : ServerActions.Reboot,
                    new RebootCommand(serverId, hard ? RebootType.Hard : RebootType.Soft), durable, cancellationToken);
                return Accepted();
            case "os-stop":
                await operations.StartActionAsync(call, serverId, ServerActions.Stop, new PowerOffCommand(serverId), durable, cancellationToken);
                return Accepted();
            case "os-start":
                await operations.StartActionAsync(call, serverId, ServerActions.Start, new PowerOnCommand(serverId), durable, cancellationToken);
                return Accepted();
            case "pause":
                await operations.StartActionAsync(call, serverId, ServerActions.Pause, new PauseCommand(serverId), durable, cancellationToken);
                return Accepted();
            case "unpause":
                await operations.StartActionAsync(call, serverId, ServerActions.Unpause, new UnpauseCommand(serverId), durable, cancellationToken);
                return Accepted();
            case "suspend":
                await operations.StartActionAsync(call, serverId, ServerActions.Suspend, new SuspendCommand(serverId), durable, cancellationToken);
                return Accepted();
            case "resume":
                await operations.StartActionAsync(call, serverId, ServerActions.Resume, new ResumeCommand(serverId), durable, cancellationToken);
                return Accepted();
            case "confirmResize":
                await operations.StartActionAsync(call, serverId, ServerActions.ConfirmResize, new ConfirmResizeCommand(serverId), durable, cancellationToken);
                return NovaHttp.Empty(StatusCodes.Status204NoContent);
            case "revertResize":
                var reverting = await queries.GetAsync(call, serverId, cancellationToken);
                await operations.StartActionAsync(call, serverId, ServerActions.RevertResize, new RevertResizeCommand(serverId, reverting.PowerState != PowerState.Shutdown), durable, cancellationToken);
                return Accepted();
            case "resize":
                return await ResizeAsync(call, serverId, value as JsonObject ?? throw JsonRequest.Invalid("resize", value, "object"), durable, cancellationToken);
            case "rebuild":
                return await RebuildAsync(call, serverId, value as JsonObject ?? throw JsonRequest.Invalid("rebuild", value, "object"), durable, cancellationToken);
            case "lock":
                var reason = call.Version.IsAtLeast(2, 73) ? (value as JsonObject)?.OptionalString("locked_reason", 255) : null;
                var locked = await operations.UpdateAsync(call, serverId, ServerPolicies.Lock, s => ServerTransitions.Begin(s, ServerActions.Lock, true, time.GetUtcNow()) with
                {
                    Locked = true, LockedBy = call.Caller.IsAdmin && s.ProjectId != call.Caller.ProjectId ? "admin" : "owner", LockedReason = reason, UpdatedAt = time.GetUtcNow(),
                }, cancellationToken);
                await operations.RecordAsync(call, locked, ServerActions.Lock, cancellationToken);
                return Accepted();
            case "unlock":
                var unlocked = await operations.UpdateAsync(call, serverId, ServerPolicies.Unlock, s =>
                {
                    // nova's is_expected_locked_by: a lock taken by the other side (owner vs admin) needs the override.
                    if (s.Locked && s.LockedBy != (s.ProjectId == call.Caller.ProjectId ? "owner" : "admin"))
                    {
                        policy.Enforce(ServerPolicies.UnlockOverride, call.Caller, s);
                    }

                    return s with { Locked = false, LockedBy = null, LockedReason = null, UpdatedAt = time.GetUtcNow() };
                }, cancellationToken);
                await operations.RecordAsync(call, unlocked, ServerActions.Unlock, cancellationToken);
                return Accepted();
            case "os-getConsoleOutput":
                return await ConsoleAsync(call, serverId, value as JsonObject, durable, cancellationToken);
            case "createImage":
                return await snapshots.CreateAsync(call, serverId, value as JsonObject ?? throw JsonRequest.Invalid("createImage", value, "object"), durable, cancellationToken);
            case "addSecurityGroup" or "removeSecurityGroup":
                var group = (value as JsonObject ?? throw JsonRequest.Invalid(name, value, "object")).RequireString("name");
                var target = await queries.GetAsync(call, serverId, name == "addSecurityGroup" ? ServerNetworkPolicies.SecurityGroupsAdd : ServerNetworkPolicies.SecurityGroupsRemove, cancellationToken);
                await (name == "addSecurityGroup"
                    ? securityGroups.AddAsync(call.Caller, target, group, cancellationToken)
                    : securityGroups.RemoveAsync(call.Caller, target, group, cancellationToken));
                return Accepted();
            default:
                throw new BadRequestException($"There is no such action: {name}");
        }
    }

    private async Task<IResult> ResizeAsync(ComputeCall call, string serverId, JsonObject body, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var flavorId = body.RequireString("flavorRef").TrimEnd('/').Split('/')[^1];
        var flavor = await flavors.FindAsync(flavorId, cancellationToken);
        if (flavor is null || !flavor.IsVisibleTo(call.Caller.ProjectId, call.Caller.IsAdmin))
        {
            throw new BadRequestException("Invalid flavorRef provided.");
        }

        var server = await queries.GetAsync(call, serverId, cancellationToken);
        if (server.Flavor.Id == flavor.Id)
        {
            throw new BadRequestException("When resizing, instances must change flavor!");
        }

        var target = new ServerFlavor(flavor.Id, flavor.Name, flavor.Vcpus, flavor.RamMb, flavor.DiskGb, flavor.EphemeralGb, flavor.SwapMb, flavor.ExtraSpecs);
        await operations.StartActionAsync(call, serverId, ServerActions.Resize,
            new ResizeCommand(serverId, target.ToSpec(), server.PowerState != PowerState.Shutdown), durable, cancellationToken, newFlavor: target);
        return Accepted();
    }

    private async Task<IResult> RebuildAsync(ComputeCall call, string serverId, JsonObject body, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var imageRef = body.RequireString("imageRef").TrimEnd('/').Split('/')[^1];
        var name = body.OptionalName("name", 255);
        var metadata = body.OptionalObject("metadata") is { } m ? ServerCreateRequest.ParseMetadata(m) : null;
        var description = call.Version.IsAtLeast(2, 19) ? body.OptionalString("description", 255) : null;
        var adminPass = body.OptionalString("adminPass", 255);
        var (accessIpv4, accessIpv6) = (AccessIps.V4(body), AccessIps.V6(body));
        var server = await queries.GetAsync(call, serverId, cancellationToken);
        var image = await images.FindAsync(imageRef, call.Caller, cancellationToken) ?? throw new BadRequestException("Cannot find image for rebuild");
        ServerImageChecks.EnsureFits(image, server.Flavor.RamMb, server.Flavor.DiskGb);
        var spec = new InstanceSpec(serverId, name ?? server.Name, server.Flavor.ToSpec(), new ImageSpec(image.Id, null, image.KernelId, image.RamdiskId), server.UserData, metadata ?? server.Metadata, [], ConfigDrive: server.ConfigDrive);
        var rebuilt = await operations.StartActionAsync(call, serverId, ServerActions.Rebuild, new RebuildCommand(spec), durable, cancellationToken,
            s => s with
            {
                Name = name ?? s.Name, Metadata = metadata ?? s.Metadata, Description = description ?? s.Description, ImageId = image.Id,
                AccessIpv4 = accessIpv4 ?? s.AccessIpv4, AccessIpv6 = accessIpv6 ?? s.AccessIpv6,
            }, newImageId: image.Id);
        var view = ServerWire.Changed(call.Request, call.Version, rebuilt, call.Caller.IsAdmin, rebuild: true);
        view["adminPass"] = adminPass ?? ServerWire.NewAdminPass();
        return NovaHttp.Member("server", view, StatusCodes.Status202Accepted);
    }

    private async Task<IResult> ConsoleAsync(ComputeCall call, string serverId, JsonObject? body, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var length = body?["length"] switch
        {
            null => (int?)null,
            JsonValue v when v.TryGetValue(out int n) && n >= -1 => n == -1 ? null : n,
            JsonValue v when int.TryParse(v.ToString(), out var n) && n >= -1 => n == -1 ? null : n,
            var other => throw JsonRequest.Invalid("length", other, "integer"),
        };
        var server = await queries.GetAsync(call, serverId, ServerPolicies.ConsoleOutput, cancellationToken);
        ServerTransitions.Begin(server, ServerActions.ConsoleOutput, true, time.GetUtcNow());
        if (server.Host is not { } host)
        {
            throw new ServerStateConflictException(serverId, "get_console_output", "host", "None");
        }

        var instanceId = ComputeWorkflowIds.Action(serverId, ServerActions.ConsoleOutput, RequestIds.Get(call.Request.HttpContext));
        await durable.ScheduleNewOrchestrationInstanceAsync(nameof(ConsoleOutputWorkflow), new ConsoleOutputInput(serverId, host, length, options.Value.ConsoleTimeoutSeconds), new StartOrchestrationOptions(instanceId) { Tags = WorkflowTags.For(WorkflowResourceTypes.Server, serverId, server.ProjectId) }, cancellationToken);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(TimeSpan.FromSeconds(options.Value.ConsoleTimeoutSeconds + 15));
        var done = await durable.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, wait.Token);
        var output = done.ReadOutputAs<string?>();
        if (output is null || output.StartsWith(ConsoleOutputWorkflow.ErrorPrefix, StringComparison.Ordinal))
        {
            throw new ConflictException($"Unable to get console output of instance {serverId}: {output?[ConsoleOutputWorkflow.ErrorPrefix.Length..] ?? "the node did not answer"}");
        }

        return NovaHttp.Json(new JsonObject { ["output"] = output });
    }

    private static IResult Accepted() => NovaHttp.Empty(StatusCodes.Status202Accepted);
}
