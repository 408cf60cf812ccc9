using System.Text.Json;
using FuncCloud.Shared.Compute;

namespace FuncCloud.Agent.Compute.Libvirt;

/// <summary>
/// What the driver keeps about one instance beside the domain, in <c>&lt;instance folder&gt;/instance.json</c>:
/// the flavors (libvirt knows sizes, not flavors), the image files the disk and boot came from, the ports and the
/// attached volumes.
/// </summary>
public sealed record LibvirtInstance(
    string ServerId,
    string Name,
    FlavorSpec Flavor,
    FlavorSpec? PreviousFlavor,
    ImageSpec Image,
    string? KernelPath,
    string? RamdiskPath,
    IReadOnlyList<NetworkPortSpec> Ports,
    IReadOnlyList<DomainVolume>? Volumes = null,
    string? ConfigDrivePath = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Reads the state file, or null when there is none.</summary>
    public static LibvirtInstance? Load(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize<LibvirtInstance>(File.ReadAllText(path), Json) : null;

    /// <summary>Writes the state file atomically (temp file, then rename).</summary>
    public void Save(string path)
    {
        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(this, Json));
        File.Move(temp, path, overwrite: true);
    }
}

/// <summary>The files of one instance, all inside its own folder so destroy removes them in one go.</summary>
public sealed record LibvirtInstancePaths(string Folder)
{
    /// <summary>The qcow2 overlay on the cached base image.</summary>
    public string Disk => Path.Combine(Folder, "disk");

    /// <summary>The pre-resize copy of the overlay, kept until confirm or revert.</summary>
    public string ResizeBackup => Path.Combine(Folder, "disk.resize-backup");

    /// <summary>The serial console log.</summary>
    public string ConsoleLog => Path.Combine(Folder, "console.log");

    /// <summary>The config drive ISO (<c>config-2</c>), when the server has one.</summary>
    public string ConfigDrive => Path.Combine(Folder, "disk.config");

    /// <summary>The domain XML last defined.</summary>
    public string DomainXml => Path.Combine(Folder, "domain.xml");

    /// <summary>The <see cref="LibvirtInstance"/> state file.</summary>
    public string State => Path.Combine(Folder, "instance.json");
}

/// <summary>Per-instance counters for telemetry (from <c>virsh domstats</c>).</summary>
/// <param name="ServerId">The server.</param>
/// <param name="CpuTimeNs">Guest CPU time in nanoseconds.</param>
/// <param name="MemoryKb">Current memory (balloon) in KiB.</param>
/// <param name="DiskReadBytes">Bytes read from every disk.</param>
/// <param name="DiskWriteBytes">Bytes written to every disk.</param>
/// <param name="NetRxBytes">Bytes received on every NIC.</param>
/// <param name="NetTxBytes">Bytes sent on every NIC.</param>
public sealed record InstanceStats(string ServerId, long CpuTimeNs, long MemoryKb, long DiskReadBytes, long DiskWriteBytes, long NetRxBytes, long NetTxBytes)
{
    /// <summary>Sums the <c>virsh domstats</c> keys into the counters.</summary>
    public static InstanceStats From(string serverId, IReadOnlyDictionary<string, string> stats)
    {
        long Get(string key) => stats.TryGetValue(key, out var v) && long.TryParse(v, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;
        long Sum(string prefix, string suffix) => stats
            .Where(s => s.Key.StartsWith(prefix, StringComparison.Ordinal) && s.Key.EndsWith(suffix, StringComparison.Ordinal))
            .Sum(s => Get(s.Key));
        return new InstanceStats(
            serverId,
            Get("cpu.time"),
            Get("balloon.current"),
            Sum("block.", ".rd.bytes"),
            Sum("block.", ".wr.bytes"),
            Sum("net.", ".rx.bytes"),
            Sum("net.", ".tx.bytes"));
    }
}
