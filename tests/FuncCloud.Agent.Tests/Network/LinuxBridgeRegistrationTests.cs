using FuncCloud.Agent.Network;
using FuncCloud.Agent.Network.LinuxBridge;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace FuncCloud.Agent.Tests.Network;

/// <summary>The driver's DI registration: keyed by name, options from configuration then the caller's delegate.</summary>
public sealed class LinuxBridgeRegistrationTests
{
    [Fact]
    public void AddLinuxBridgeNetworkDriver_RegistersTheKeyedDriver_WithBoundOptions()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [LinuxBridgeOptions.Section + ":DhcpLeaseSeconds"] = "600" })
            .Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);

        services.AddLinuxBridgeNetworkDriver(o => o.HostNamespace = "fclhtest");
        using var provider = services.BuildServiceProvider();

        var driver = provider.GetRequiredKeyedService<INetworkDriver>(LinuxBridgeNetworkDriver.DriverKey);
        driver.ShouldBeSameAs(provider.GetRequiredService<LinuxBridgeNetworkDriver>());
        driver.Name.ShouldBe("linuxbridge");
        var options = provider.GetRequiredService<NetworkCommands>().Options;
        options.DhcpLeaseSeconds.ShouldBe(600);
        options.HostNamespace.ShouldBe("fclhtest");
    }
}
