namespace FuncCloud.Functions.Network;

/// <summary>Settings of the networking service, bound from <c>FuncCloud:Network</c>.</summary>
public sealed class NetworkOptions
{
    /// <summary>The VNI range tenant networks draw from.</summary>
    public long VxlanMin { get; set; } = 1;

    /// <summary>The upper end of the VNI range.</summary>
    public long VxlanMax { get; set; } = 1000000;

    /// <summary>The MTU of VXLAN networks (1500 minus the 50-byte VXLAN overhead).</summary>
    public long VxlanMtu { get; set; } = 1450;

    /// <summary>The MTU of flat networks.</summary>
    public long PhysicalMtu { get; set; } = 1500;

    /// <summary>The physical network flat networks use when none is named (the node's external bridge).</summary>
    public string DefaultPhysicalNetwork { get; set; } = "public";

    /// <summary>Per-project defaults (neutron's quota_* options).</summary>
    public Dictionary<string, long> DefaultQuotas { get; set; } = new()
    {
        ["network"] = 100, ["subnet"] = 100, ["subnetpool"] = -1, ["port"] = 500, ["router"] = 10, ["floatingip"] = 50,
        ["security_group"] = 10, ["security_group_rule"] = 100, ["rbac_policy"] = 10,
    };
}
