namespace FuncCloud.Agent.Storage.File;

/// <summary>Settings of the File volume driver.</summary>
public sealed class FileVolumeOptions
{
    /// <summary>The folder holding <c>volumes/</c> and <c>snapshots/</c> (under the node's state folder).</summary>
    public string Folder { get; set; } = "storage";

    /// <summary>The pool's capacity in GB (the file system's size is not what the scheduler should promise).</summary>
    public long CapacityGb { get; set; } = 100;

    /// <summary>The IQN prefix of iSCSI targets; the volume id is appended.</summary>
    public string IqnPrefix { get; set; } = "iqn.2026-12.cloud.funccloud:";

    /// <summary>The iSCSI portal tgtd listens on.</summary>
    public string Portal { get; set; } = "127.0.0.1:3260";

    /// <summary>The <c>qemu-img</c> executable.</summary>
    public string QemuImg { get; set; } = "qemu-img";

    /// <summary>The <c>tgtadm</c> executable.</summary>
    public string TgtAdm { get; set; } = "tgtadm";
}
