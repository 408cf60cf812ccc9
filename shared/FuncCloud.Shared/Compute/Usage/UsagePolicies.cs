using FuncCloud.Shared.Security.Policy;
using P = FuncCloud.Shared.Compute.Api.ComputeApiPolicies;

namespace FuncCloud.Shared.Compute.Usage;

/// <summary>Nova's <c>os-simple-tenant-usage</c> rules.</summary>
public static class UsagePolicies
{
    /// <summary>Every project's usage.</summary>
    public const string List = "os_compute_api:os-simple-tenant-usage:list";

    /// <summary>One project's usage.</summary>
    public const string Show = "os_compute_api:os-simple-tenant-usage:show";
}

/// <summary>Nova's current defaults: the list is admin only, a project's usage is for its readers (and admins).</summary>
public sealed class UsagePolicyDefaults : IPolicyDefaults
{
    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> Rules { get; } = new Dictionary<string, string>
    {
        [UsagePolicies.List] = "rule:" + P.Admin,
        [UsagePolicies.Show] = "rule:" + P.ProjectReaderOrAdmin,
    };
}
