using FuncCloud.Agent.Compute;
using FuncCloud.Agent.Compute.Fake;
using FuncCloud.Agent.Compute.Libvirt;
using FuncCloud.Agent.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shouldly;
using Xunit;

namespace FuncCloud.Agent.Tests.Hosting;

public sealed class DriverSelectionTests
{
    [Theory]
    [InlineData(null, typeof(FakeDriverFactory))]
    [InlineData("Fake", typeof(FakeDriverFactory))]
    [InlineData("libvirt", typeof(LibvirtDriverFactory))]
    public void AddFuncCloudAgent_DriverSetting_PicksTheFactory(string? driver, Type expected)
    {
        using var services = Build(driver is null ? [] : new Dictionary<string, string?> { ["FuncCloud:Agent:Driver"] = driver });

        services.GetRequiredService<IComputeDriverFactory>().ShouldBeOfType(expected);
    }

    [Fact]
    public void AddFuncCloudAgent_LibvirtSection_BindsTheDriverOptions()
    {
        using var services = Build(new Dictionary<string, string?>
        {
            ["FuncCloud:Agent:Libvirt:Uri"] = "qemu:///session",
            ["FuncCloud:Agent:Libvirt:VirtType"] = "Qemu",
            ["FuncCloud:Agent:Libvirt:ConsoleLogMaxBytes"] = "4096",
        });

        var options = services.GetRequiredService<IOptions<LibvirtDriverOptions>>().Value;
        options.Uri.ShouldBe("qemu:///session");
        options.VirtType.ShouldBe(VirtType.Qemu);
        options.ConsoleLogMaxBytes.ShouldBe(4096);
    }

    [Fact]
    public void Validate_LibvirtDriver_IsSupported() =>
        new AgentOptions { NodeName = "node-1", Driver = "Libvirt" }.Validate().ShouldBeEmpty();

    [Fact]
    public void Validate_LibvirtWithManyNodes_IsRefused() =>
        new AgentOptions { NodeCount = 3, Driver = "Libvirt" }.Validate().ShouldContain(p => p.Contains("one node per agent process"));

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        settings["AzureWebJobsStorage"] = "UseDevelopmentStorage=true";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddFuncCloudAgent(configuration).BuildServiceProvider();
    }
}
