using FuncCloud.Agent.Storage;
using FuncCloud.Agent.Storage.Fake;

namespace FuncCloud.Agent.Tests.Storage;

/// <summary>The conformance suite on the Fake driver (state only).</summary>
public sealed class FakeVolumeDriverTests : VolumeDriverConformanceTests
{
    private readonly FakeVolumeDriver _driver = new();

    protected override IVolumeDriver Driver => _driver;

    protected override async Task<bool> NothingLeftOfAsync(string id) =>
        !(await _driver.ListVolumesAsync(CancellationToken.None)).Contains(id) && !_driver.Exports.Contains(id);

    protected override Task<string> ImageFileAsync()
    {
        var path = Path.GetTempFileName();
        File.WriteAllBytes(path, new byte[4096]);
        return Task.FromResult(path);
    }
}
