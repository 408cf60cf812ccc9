using System.Text.Json.Nodes;
using FuncCloud.Shared.Compute.Aggregates;
using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.OpenStack.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Services;

/// <summary>
/// <c>PUT /os-services/{service_id}</c> (2.53+, admin) with <c>status</c>/<c>disabled_reason</c>/<c>forced_down</c>;
/// before 2.53 the segment is an action (<c>enable</c>, <c>disable</c>, <c>disable-log-reason</c>,
/// <c>force-down</c>) and the body names <c>host</c> and <c>binary</c>.
/// </summary>
public sealed class UpdateComputeService(NovaHttp http, ComputeApiPolicy policy, AvailabilityZoneResolver zones, IComputeNodeAdmin admin)
{
    [Function(nameof(UpdateComputeService))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = ServiceWire.Collection + "/{serviceId}")] HttpRequest req,
        string serviceId,
        CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, async (call, body) =>
        {
            policy.Enforce(ComputeApiPolicies.ServicesUpdate, call.Caller);
            var nodes = await zones.ListAsync(cancellationToken);
            if (!call.Version.IsAtLeast(2, 53))
            {
                return await LegacyAsync(call, serviceId, body, nodes, cancellationToken);
            }

            body.RejectUnknown("service", "status", "disabled_reason", "forced_down");
            var node = nodes.FirstOrDefault(z => z.Node.Id == serviceId)?.Node ?? throw ComputeResourceNotFoundException.Service(serviceId);
            var status = body.OptionalString("status");
            var reason = body.OptionalString("disabled_reason", 255);
            var forcedDown = body.OptionalBoolean("forced_down");
            if (status is not null and not "enabled" and not "disabled")
            {
                throw NovaJson.Invalid("status", status, $"'{status}' is not one of ['enabled', 'disabled']");
            }

            if (status is null && forcedDown is null)
            {
                throw new BadRequestException("No updates were requested. Fields 'status' or 'forced_down' should be specified.");
            }

            if (reason is not null && status != "disabled")
            {
                throw new BadRequestException("Specifying 'disabled_reason' with status 'enabled' is invalid.");
            }

            var enabled = status is null ? node.Enabled : status == "enabled";
            var updated = await admin.SetStatusAsync(node.Id, enabled, reason, forcedDown, cancellationToken) ?? throw ComputeResourceNotFoundException.Service(serviceId);
            var zone = nodes.First(z => z.Node.Id == node.Id).Zone;
            return NovaHttp.Member("service", ServiceWire.Render(call.Version, new ZonedNode(updated, zone)));
        }, cancellationToken);

    private async Task<IResult> LegacyAsync(ComputeCall call, string action, JsonObject body, IReadOnlyList<ZonedNode> nodes, CancellationToken cancellationToken)
    {
        var host = body.RequireString("host");
        var binary = body.RequireString("binary");
        var node = nodes.FirstOrDefault(z => z.Node.Name == host && binary == ServiceWire.ComputeBinary)?.Node
            ?? throw new ComputeResourceNotFoundException("service", host, $"Host '{host}' is not mapped to any cell");
        var reason = body.OptionalString("disabled_reason", 255);
        var updated = action switch
        {
            "enable" => await admin.SetStatusAsync(node.Id, true, null, null, cancellationToken),
            "disable" => await admin.SetStatusAsync(node.Id, false, null, null, cancellationToken),
            "disable-log-reason" => await admin.SetStatusAsync(node.Id, false, reason ?? throw new BadRequestException("Missing disabled reason field"), null, cancellationToken),
            "force-down" when call.Version.IsAtLeast(2, 11) => await admin.SetStatusAsync(node.Id, node.Enabled, node.DisabledReason, body.OptionalBoolean("forced_down") ?? true, cancellationToken),
            _ => throw new ComputeResourceNotFoundException("service", action, "Unknown action"),
        } ?? throw ComputeResourceNotFoundException.Service(node.Id);
        var json = new JsonObject { ["host"] = updated.Name, ["binary"] = ServiceWire.ComputeBinary, ["status"] = updated.Enabled ? "enabled" : "disabled" };
        if (action == "disable-log-reason")
        {
            json["disabled_reason"] = updated.DisabledReason;
        }

        if (action == "force-down")
        {
            json["forced_down"] = updated.ForcedDown;
        }

        return NovaHttp.Member("service", json);
    }
}
