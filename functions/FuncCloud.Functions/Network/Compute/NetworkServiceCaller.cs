using FuncCloud.Shared.Security;

namespace FuncCloud.Functions.Network.Compute;

/// <summary>
/// The identity the compute service acts with in the network service once the API has admitted the user's
/// request: nova's admin client for binding (neutron's <c>binding:host_id</c> is admin-only), scoped to the
/// server's project so quotas and the default security group are the project's.
/// </summary>
internal static class NetworkServiceCaller
{
    public static RequestContext For(string projectId) => new(
        "req-nova", "nova", "nova", "default", ScopeType.Project, projectId, null, "default", null,
        ["admin", "member", "reader"], ["password"], null, DateTimeOffset.MaxValue);
}
