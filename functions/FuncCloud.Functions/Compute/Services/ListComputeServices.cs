using System.Text.Json.Nodes;
using FuncCloud.Shared.Compute.Aggregates;
using FuncCloud.Shared.Compute.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Services;

/// <summary><c>GET /os-services</c> (admin), filtered by <c>host</c> and <c>binary</c>.</summary>
public sealed class ListComputeServices(NovaHttp http, ComputeApiPolicy policy, AvailabilityZoneResolver zones)
{
    [Function(nameof(ListComputeServices))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ServiceWire.Collection)] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
        {
            policy.Enforce(ComputeApiPolicies.ServicesList, call.Caller);
            var host = call.Query("host");
            var binary = call.Query("binary");
            var services = (await zones.ListAsync(cancellationToken))
                .Where(z => host is null || z.Node.Name == host)
                .Where(z => binary is null || binary == ServiceWire.ComputeBinary)
                .Select(z => (JsonNode)ServiceWire.Render(call.Version, z));
            return NovaHttp.Member("services", new JsonArray(services.ToArray()));
        }, cancellationToken);
}
