using FuncCloud.Agent.Privileged;
using FuncCloud.Agent.Storage;
using FuncCloud.Agent.Storage.File;
using Xunit;

namespace FuncCloud.Agent.Tests.Storage;

/// <summary>
/// The conformance suite on the File driver: real qcow2/raw files made by qemu-img in a temp folder, iSCSI
/// targets in tgtd (<see cref="TgtdFixture"/>: started for the run when none is running, stopped after) under
/// the run's random IQN prefix.
/// </summary>
[Collection(TgtdCollection.Name)]
public sealed class FileVolumeDriverTests : VolumeDriverConformanceTests, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("funccloud-file-volumes-").FullName;
    private readonly FileVolumeDriver _driver;

    public FileVolumeDriverTests(TgtdFixture tgtd)
    {
        _driver = new FileVolumeDriver(new FileVolumeOptions { Folder = _folder, IqnPrefix = tgtd.IqnPrefix }, new HostCommand());
    }

    protected override IVolumeDriver Driver => _driver;

    protected override bool KeepsBytes => true;

    protected override async Task<bool> NothingLeftOfAsync(string id) =>
        !Directory.EnumerateFiles(_folder, "*", SearchOption.AllDirectories).Any(f => Path.GetFileName(f).StartsWith(id, StringComparison.Ordinal))
        && !(await _driver.TargetsAsync(CancellationToken.None)).Values.Any(iqn => iqn.EndsWith(id, StringComparison.Ordinal));

    protected override async Task<string> ImageFileAsync()
    {
        var path = Path.Combine(_folder, "image.raw");
        await new HostCommand().RunAsync("qemu-img", ["create", "-q", "-f", "raw", path, "64M"], CancellationToken.None);
        return path;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
