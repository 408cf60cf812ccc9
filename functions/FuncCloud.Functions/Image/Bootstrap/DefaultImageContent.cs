using System.Text;

namespace FuncCloud.Functions.Image.Bootstrap;

/// <summary>
/// The bytes of the default image: generated, NOT bootable: a raw disk of zeros whose first sector says
/// what it is, for the Fake compute driver (real VMs need a real image, e.g. kernel + initramfs via
/// <c>kernel_id</c>/<c>ramdisk_id</c>). Deterministic, so every deployment gets the same checksum.
/// </summary>
public static class DefaultImageContent
{
    /// <summary>The text in the first sector.</summary>
    public const string Banner = "FuncCloud generated test image: raw, not bootable, for the Fake compute driver.\n";

    /// <summary>A fresh stream of <paramref name="size"/> bytes.</summary>
    public static Stream Create(int size)
    {
        var bytes = new byte[size];
        Encoding.ASCII.GetBytes(Banner).AsSpan(0, Math.Min(Banner.Length, size)).CopyTo(bytes);
        return new MemoryStream(bytes, writable: false);
    }
}
