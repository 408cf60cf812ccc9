using FuncCloud.Shared.Compute.Aggregates;
using FuncCloud.Shared.Compute.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.AvailabilityZones;

/// <summary><c>GET /os-availability-zone/detail</c> (admin): zones with their hosts and service states.</summary>
public sealed class ListAvailabilityZonesDetail(NovaHttp http, ComputeApiPolicy policy, AvailabilityZoneResolver zones)
{
    [Function(nameof(ListAvailabilityZonesDetail))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ComputeRoutes.V21 + "/os-availability-zone/detail")] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
        {
            policy.Enforce(ComputeApiPolicies.AvailabilityZoneDetail, call.Caller);
            return NovaHttp.Member("availabilityZoneInfo", ListAvailabilityZones.Render(await zones.ListAsync(cancellationToken), withHosts: true));
        }, cancellationToken);
}
