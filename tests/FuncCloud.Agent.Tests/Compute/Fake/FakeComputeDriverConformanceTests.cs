using FuncCloud.Agent.Compute;
using FuncCloud.Agent.Compute.Fake;

namespace FuncCloud.Agent.Tests.Compute.Fake;

public sealed class FakeComputeDriverConformanceTests : ComputeDriverConformanceTests
{
    protected override Task<IComputeDriver> CreateDriverAsync() => Task.FromResult<IComputeDriver>(Create());

    protected override Task<IComputeDriver> CreateDriverWhoseNextSpawnFailsAsync()
    {
        var driver = Create();
        driver.FailNextCall(FakeOperation.Spawn);
        return Task.FromResult<IComputeDriver>(driver);
    }

    // A little latency, so the spawn failure happens after the partial work (claims) is in place.
    private static FakeComputeDriver Create() => new(new FakeDriverOptions { Latency = TimeSpan.FromMilliseconds(5) });
}
