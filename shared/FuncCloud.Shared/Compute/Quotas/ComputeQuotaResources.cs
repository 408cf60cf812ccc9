namespace FuncCloud.Shared.Compute.Quotas;

/// <summary>Nova's quota resource names (the keys of <c>quota_set</c>).</summary>
public static class ComputeQuotaResources
{
    public const string Instances = "instances";
    public const string Cores = "cores";
    public const string Ram = "ram";
    public const string KeyPairs = "key_pairs";
    public const string ServerGroups = "server_groups";
    public const string ServerGroupMembers = "server_group_members";
    public const string MetadataItems = "metadata_items";
    public const string InjectedFiles = "injected_files";
    public const string InjectedFileContentBytes = "injected_file_content_bytes";
    public const string InjectedFilePathBytes = "injected_file_path_bytes";

    /// <summary>Network quotas nova proxied before microversion 2.36 (shown, never enforced here).</summary>
    public const string FloatingIps = "floating_ips";
    public const string FixedIps = "fixed_ips";
    public const string SecurityGroups = "security_groups";
    public const string SecurityGroupRules = "security_group_rules";

    /// <summary>Every resource this service stores and enforces.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        Instances, Cores, Ram, KeyPairs, ServerGroups, ServerGroupMembers, MetadataItems,
        InjectedFiles, InjectedFileContentBytes, InjectedFilePathBytes,
    ];

    /// <summary>The pre-2.36 network quotas and their fixed values.</summary>
    public static readonly IReadOnlyDictionary<string, int> LegacyNetwork = new Dictionary<string, int>
    {
        [FloatingIps] = 10,
        [FixedIps] = -1,
        [SecurityGroups] = 10,
        [SecurityGroupRules] = 20,
    };

    /// <summary>
    /// The quota keys shown at <paramref name="version"/>: 2.36 dropped the network proxies, 2.57 the
    /// injected file (personality) quotas.
    /// </summary>
    public static IReadOnlyList<string> VisibleAt(Api.ComputeApiVersion version)
    {
        var keys = All.Where(k => !version.IsAtLeast(2, 57) || !k.StartsWith("injected_", StringComparison.Ordinal)).ToList();
        if (!version.IsAtLeast(2, 36))
        {
            keys.AddRange(LegacyNetwork.Keys);
        }

        return keys;
    }

    /// <summary>The value meaning "no limit".</summary>
    public const int Unlimited = -1;
}
