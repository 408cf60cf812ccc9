using FuncCloud.Agent.Network;
using FuncCloud.Agent.Network.Fake;

namespace FuncCloud.Agent.Tests.Network;

/// <summary>The network driver conformance suite on the Fake driver (state only, persisted in a temporary folder).</summary>
public sealed class FakeNetworkDriverConformanceTests : NetworkDriverConformanceTests
{
    private readonly string _stateFolder = Directory.CreateTempSubdirectory("funccloud-fake-network-").FullName;
    private FakeNetworkDriver? _driver;

    protected override INetworkDriver Driver => _driver!;

    protected override NetworkHostConfig Config => new("fake-test", null, new Dictionary<string, string> { [PublicPhysnet] = "br-ex" }, _stateFolder);

    protected override Task SetUpAsync()
    {
        _driver = new FakeNetworkDriver(Path.Combine(_stateFolder, NetworkDriverFactory.FakeStateFileName));
        return Task.CompletedTask;
    }

    protected override Task TearDownAsync()
    {
        Directory.Delete(_stateFolder, recursive: true);
        return Task.CompletedTask;
    }
}
