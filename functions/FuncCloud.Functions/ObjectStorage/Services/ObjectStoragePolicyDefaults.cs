using FuncCloud.Shared.Security.Policy;

namespace FuncCloud.Functions.ObjectStorage.Services;

/// <summary>
/// Swift's keystoneauth roles as policy rules: the project's operator roles (member, admin) own its account,
/// reader reads it, <c>ResellerAdmin</c> may act on every account and set account quotas. Container ACLs and
/// TempURLs grant the rest in code (<see cref="SwiftAccess"/>).
/// </summary>
public sealed class ObjectStoragePolicyDefaults : IPolicyDefaults
{
    /// <summary>Action names.</summary>
    public static class Actions
    {
        public const string Read = "object_store:read";
        public const string Write = "object_store:write";
        public const string SetAccountQuota = "object_store:set_account_quota";
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> Rules { get; } = new Dictionary<string, string>
    {
        [Actions.Read] = "role:ResellerAdmin or ((role:admin or role:member or role:reader) and project_id:%(project_id)s)",
        [Actions.Write] = "role:ResellerAdmin or ((role:admin or role:member) and project_id:%(project_id)s)",
        [Actions.SetAccountQuota] = "role:ResellerAdmin",
    };
}
