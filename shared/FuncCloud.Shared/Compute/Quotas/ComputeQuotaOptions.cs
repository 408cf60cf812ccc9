namespace FuncCloud.Shared.Compute.Quotas;

/// <summary>
/// Default quotas for every project (nova's <c>[quota]</c> options), bound from
/// <c>FuncCloud:Compute:Quotas</c>. The <c>default</c> quota class (os-quota-class-sets) overrides them.
/// </summary>
public sealed class ComputeQuotaOptions
{
    public int Instances { get; set; } = 10;
    public int Cores { get; set; } = 20;
    public int Ram { get; set; } = 51200;
    public int KeyPairs { get; set; } = 100;
    public int ServerGroups { get; set; } = 10;
    public int ServerGroupMembers { get; set; } = 10;
    public int MetadataItems { get; set; } = 128;
    public int InjectedFiles { get; set; } = 5;
    public int InjectedFileContentBytes { get; set; } = 10240;
    public int InjectedFilePathBytes { get; set; } = 255;

    /// <summary>The options as a resource → limit map.</summary>
    public IReadOnlyDictionary<string, int> ToLimits() => new Dictionary<string, int>
    {
        [ComputeQuotaResources.Instances] = Instances,
        [ComputeQuotaResources.Cores] = Cores,
        [ComputeQuotaResources.Ram] = Ram,
        [ComputeQuotaResources.KeyPairs] = KeyPairs,
        [ComputeQuotaResources.ServerGroups] = ServerGroups,
        [ComputeQuotaResources.ServerGroupMembers] = ServerGroupMembers,
        [ComputeQuotaResources.MetadataItems] = MetadataItems,
        [ComputeQuotaResources.InjectedFiles] = InjectedFiles,
        [ComputeQuotaResources.InjectedFileContentBytes] = InjectedFileContentBytes,
        [ComputeQuotaResources.InjectedFilePathBytes] = InjectedFilePathBytes,
    };
}
