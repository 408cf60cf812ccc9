using System.Text.Json.Nodes;
using FuncCloud.Functions.Telemetry.Api;
using FuncCloud.Shared.Security;
using FuncCloud.Shared.Telemetry;
using FuncCloud.Shared.Telemetry.Index;
using FuncCloud.Shared.Telemetry.Storage;
using Actions = FuncCloud.Functions.Telemetry.Services.MetricPolicyDefaults.Actions;

namespace FuncCloud.Functions.Telemetry.Services;

/// <summary>
/// <c>POST /v1/batch/resources/metrics/measures</c> (what ceilometer's publisher calls):
/// <c>{resource_id: {metric_name: {"archive_policy_name", "unit", "measures": [...]} | [...]}}</c>; with
/// <c>create_metrics=true</c> missing metrics are created. Everything is checked before anything is written.
/// </summary>
public sealed class BatchService(ResourceService resources, MetricService metrics, MeasureStore store, ArchivePolicyCatalog policies, MetricAccess access)
{
    /// <summary>Posts the batch.</summary>
    public async Task PostAsync(RequestContext caller, JsonNode body, bool createMetrics, CancellationToken cancellationToken)
    {
        if (body is not JsonObject batch)
        {
            throw new GnocchiCauseException("Invalid input", new JsonArray(), "expected a dictionary");
        }

        var unknownResources = new JsonArray();
        var unknownMetrics = new JsonArray();
        var work = new List<(ResourceRecord Resource, string Name, JsonObject Definition, IReadOnlyList<Measure> Measures)>();
        foreach (var (resourceId, named) in batch)
        {
            ResourceRecord resource;
            try
            {
                resource = await resources.GetVisibleAsync(caller, ResourceTypes.Generic, resourceId, cancellationToken);
            }
            catch (TelemetryResourceNotFoundException)
            {
                unknownResources.Add(new JsonObject { ["resource_id"] = ResourceIds.From(resourceId), ["original_resource_id"] = resourceId });
                continue;
            }

            access.Enforce(Actions.PostMeasures, caller, resource.ProjectId);
            if (named is not JsonObject byName)
            {
                throw new GnocchiCauseException("Invalid input", new JsonArray(resourceId), "expected a dictionary");
            }

            foreach (var (name, value) in byName)
            {
                var (definition, measures) = value is JsonObject o
                    ? (new JsonObject(o.Where(p => p.Key != "measures").Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))), MeasuresBody.Parse(o["measures"]))
                    : (new JsonObject(), MeasuresBody.Parse(value));
                if (!resource.Metrics.ContainsKey(name) && !createMetrics)
                {
                    unknownMetrics.Add($"{resource.Id}/{name}");
                }

                work.Add((resource, name, definition, measures));
            }
        }

        if (unknownResources.Count > 0)
        {
            throw new GnocchiCauseException("Unknown resources", unknownResources);
        }

        if (unknownMetrics.Count > 0)
        {
            throw new GnocchiCauseException("Unknown metrics", unknownMetrics);
        }

        // Validate every new metric's definition before creating any.
        var definitions = work.Where(w => !w.Resource.Metrics.ContainsKey(w.Name)).Select(w => (w.Resource, w.Name, Definition: metrics.Definition(w.Definition, w.Name))).ToList();
        foreach (var (resource, name, (_, unit, policy)) in definitions)
        {
            access.Enforce(Actions.CreateMetric, caller, resource.ProjectId);
            await resources.AttachAsync(resource.Id, [new MetricRecord(Guid.NewGuid().ToString("D"), name, unit, policy, resource.Id, resource.ProjectId, caller.UserId, caller.ProjectId)], failOnExisting: false, cancellationToken);
        }

        var batchId = Guid.NewGuid().ToString("N");
        foreach (var group in work.GroupBy(w => w.Resource.Id))
        {
            var resource = await resources.GetVisibleAsync(caller, ResourceTypes.Generic, group.Key, cancellationToken);
            foreach (var (_, name, _, measures) in group)
            {
                var metric = await resources.MetricAsync(resource, name, cancellationToken);
                if (measures.Count > 0)
                {
                    await store.AddAsync(metric.Id, policies.Get(metric.ArchivePolicyName), measures, batchId, cancellationToken);
                }
            }
        }
    }
}
