namespace FuncCloud.Durable.Compute.Scheduling.Filters;

/// <summary>
/// Flavor extra_specs that are unscoped or scoped <c>aggregate_instance_extra_specs:</c> must match the
/// metadata of an aggregate the host belongs to (nova's AggregateInstanceExtraSpecsFilter).
/// </summary>
public sealed class AggregateInstanceExtraSpecsFilter : IHostFilter
{
    private const string Scope = "aggregate_instance_extra_specs:";

    public string Name => nameof(AggregateInstanceExtraSpecsFilter);

    public string? Reject(HostState host, RequestSpec spec)
    {
        foreach (var (rawKey, expected) in spec.FlavorExtraSpecs)
        {
            string key;
            if (rawKey.StartsWith(Scope, StringComparison.Ordinal))
            {
                key = rawKey[Scope.Length..];
            }
            else if (!rawKey.Contains(':', StringComparison.Ordinal))
            {
                key = rawKey;
            }
            else
            {
                continue;
            }

            if (!host.AggregateMetadata.TryGetValue(key, out var values) || !values.Contains(expected))
            {
                return $"{host.Name} has no aggregate with {key}={expected}";
            }
        }

        return null;
    }
}
