namespace FuncCloud.Functions.Image.Services;

/// <summary>The disk and container formats Glance accepts by default.</summary>
public static class ImageFormats
{
    /// <summary>Valid <c>disk_format</c> values.</summary>
    public static readonly IReadOnlySet<string> Disk = new HashSet<string>(StringComparer.Ordinal)
    {
        "ami", "ari", "aki", "vhd", "vhdx", "vmdk", "raw", "qcow2", "vdi", "iso", "ploop",
    };

    /// <summary>Valid <c>container_format</c> values.</summary>
    public static readonly IReadOnlySet<string> Container = new HashSet<string>(StringComparer.Ordinal)
    {
        "ami", "ari", "aki", "bare", "ovf", "ova", "docker", "compressed",
    };

    /// <summary>
    /// Attributes a client may never write (Glance answers 403 "Attribute 'x' is read-only."), including
    /// the <c>os_glance_</c> namespace Glance reserves for itself.
    /// </summary>
    public static bool IsReadOnly(string name) => name is "id" or "status" or "checksum" or "os_hash_algo" or "os_hash_value"
        or "size" or "virtual_size" or "created_at" or "updated_at" or "self" or "file" or "schema" or "direct_url"
        or "locations" or "deleted" or "deleted_at" or "stores"
        || name.StartsWith("os_glance_", StringComparison.Ordinal);

    /// <summary>Core attributes a client may set (everything else is an additional property).</summary>
    public static bool IsCore(string name) => name is "name" or "visibility" or "protected" or "os_hidden" or "disk_format"
        or "container_format" or "min_ram" or "min_disk" or "tags" or "owner";
}
