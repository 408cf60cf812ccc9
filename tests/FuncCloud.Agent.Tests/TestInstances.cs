using FuncCloud.Shared.Compute;

namespace FuncCloud.Agent.Tests;

/// <summary>Small instance specs for driver and agent tests.</summary>
public static class TestInstances
{
    public static readonly FlavorSpec Tiny = new("m1.tiny", 1, 512, 1);
    public static readonly FlavorSpec Small = new("m1.small", 2, 2048, 20);

    public static InstanceSpec New(string? serverId = null, FlavorSpec? flavor = null) => new(
        serverId ?? Guid.NewGuid().ToString(),
        "vm-" + (serverId ?? "test"),
        flavor ?? Tiny,
        new ImageSpec("cirros-0.6"),
        UserData: null,
        Metadata: new Dictionary<string, string> { ["role"] = "test" },
        Ports: []);
}
