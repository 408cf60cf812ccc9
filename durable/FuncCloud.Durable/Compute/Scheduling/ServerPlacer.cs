using FuncCloud.Shared.Compute.Placement;
using Microsoft.Extensions.Options;

namespace FuncCloud.Durable.Compute.Scheduling;

/// <summary>The node a server got, or why it got none.</summary>
/// <param name="Node">The node holding the claim, or null.</param>
/// <param name="AvailabilityZone">That node's zone.</param>
/// <param name="Reason">Why no node: the filter that emptied the list and its numbers, or the lost claims.</param>
public sealed record PlacementChoice(string? Node, string? AvailabilityZone, string? Reason);

/// <summary>
/// Schedules and claims in one step: filter and weigh the nodes, then claim the best candidate with an
/// ETag-protected write; when the claim loses (another boot took the room first) try the next candidate,
/// and after the candidates of a pass are exhausted schedule again on fresh usage.
/// </summary>
public sealed class ServerPlacer(HostStateSource hosts, FilterScheduler scheduler, PlacementService placement, IOptions<SchedulerOptions> options)
{
    private const int Passes = 3;

    public async Task<PlacementChoice> PlaceAsync(RequestSpec spec, CancellationToken cancellationToken)
    {
        var lost = new List<string>();
        for (var pass = 0; pass < Passes; pass++)
        {
            var result = scheduler.Select(await hosts.GetAsync(cancellationToken), spec, Math.Max(options.Value.MaxClaimAttempts, options.Value.HostSubsetSize));
            if (result.NoValidHostReason is { } reason)
            {
                return new PlacementChoice(null, null, reason);
            }

            foreach (var host in Order(result.Candidates).Take(Math.Max(1, options.Value.MaxClaimAttempts)))
            {
                var claim = await placement.ClaimAsync(host.Name, host.Inventory, spec.ServerId, spec.Resources, cancellationToken);
                if (claim.Claimed)
                {
                    return new PlacementChoice(host.Name, host.AvailabilityZone, null);
                }

                lost.Add(claim.Reason!);
            }
        }

        return new PlacementChoice(null, null, $"{SchedulingResult.NoValidHost} Every candidate filled up before the claim: {string.Join("; ", lost.Distinct().Take(3))}.");
    }

    // nova's host_subset_size: start with a random one of the best N so concurrent boots spread their claims.
    private IEnumerable<HostState> Order(IReadOnlyList<HostState> candidates)
    {
        var subset = Math.Clamp(options.Value.HostSubsetSize, 1, candidates.Count);
        var first = subset == 1 ? 0 : Random.Shared.Next(subset);
        yield return candidates[first];
        for (var i = 0; i < candidates.Count; i++)
        {
            if (i != first)
            {
                yield return candidates[i];
            }
        }
    }
}
