using System.Buffers.Binary;

namespace FuncCloud.Shared.Image;

/// <summary>
/// Glance's format inspector, for what FuncCloud inspects: looks only at the first bytes of an image as they
/// stream (never the whole image) to compute <c>virtual_size</c> and to refuse data that contradicts the declared
/// <c>disk_format</c> or is unsafe to hand to QEMU (a qcow2 that points at a backing or external data file would
/// let a user read any file of a compute node). Formats it does not inspect get a null virtual size, as in Glance.
/// </summary>
public sealed class DiskFormatInspector
{
    private const int Qcow2HeaderBytes = 512;
    private const int IsoDescriptorOffset = 16 * 2048;
    private const int IsoHeaderBytes = IsoDescriptorOffset + 2048;

    // "QFI\xfb": a byte literal, since "\xfb" in a C# string is one char but two UTF-8 bytes.
    private static ReadOnlySpan<byte> Qcow2Magic => [0x51, 0x46, 0x49, 0xfb];

    // qcow2 incompatible feature bits QEMU knows: dirty, corrupt, external data file, compression type, extended L2.
    private const ulong Qcow2DataFileBit = 1UL << 2;
    private const ulong Qcow2KnownIncompatible = (1UL << 5) - 1;

    private readonly string? _diskFormat;
    private readonly byte[] _header;
    private int _filled;
    private bool _inspected;
    private long? _headerVirtualSize;

    private DiskFormatInspector(string? diskFormat, int headerBytes)
    {
        _diskFormat = diskFormat;
        _header = new byte[headerBytes];
    }

    /// <summary>An inspector for data declared as <paramref name="diskFormat"/> (null or unknown: nothing inspected).</summary>
    public static DiskFormatInspector For(string? diskFormat) => new(diskFormat, diskFormat switch
    {
        // raw is inspected too: qcow2 bytes declared raw is the mismatch Glance refuses.
        DiskFormats.Qcow2 or DiskFormats.Raw => Qcow2HeaderBytes,
        DiskFormats.Iso => IsoHeaderBytes,
        _ => 0,
    });

    /// <summary>Feeds the next bytes of the stream; inspects as soon as the header is complete.</summary>
    /// <exception cref="InvalidImageDataException">The header contradicts the disk format or fails a safety check.</exception>
    public void Feed(ReadOnlySpan<byte> data)
    {
        var take = Math.Min(data.Length, _header.Length - _filled);
        if (take <= 0)
        {
            return;
        }

        data[..take].CopyTo(_header.AsSpan(_filled));
        _filled += take;
        if (_filled == _header.Length)
        {
            Inspect();
        }
    }

    /// <summary>Ends the stream: the virtual size of <paramref name="size"/> bytes of data, or null when unknown.</summary>
    /// <exception cref="InvalidImageDataException">The header contradicts the disk format or fails a safety check.</exception>
    public long? Complete(long size)
    {
        Inspect();
        return _diskFormat == DiskFormats.Raw ? size : _headerVirtualSize;
    }

    private void Inspect()
    {
        if (_inspected)
        {
            return;
        }

        _inspected = true;
        var header = _header.AsSpan(0, _filled);
        switch (_diskFormat)
        {
            case DiskFormats.Qcow2:
                _headerVirtualSize = InspectQcow2(header);
                break;
            case DiskFormats.Raw when IsQcow2(header):
                throw new InvalidImageDataException(DiskFormats.Raw, "Image content does not match disk_format raw: the data is qcow2.");
            case DiskFormats.Iso:
                _headerVirtualSize = IsoVirtualSize(header);
                break;
        }
    }

    private static bool IsQcow2(ReadOnlySpan<byte> header) => header.Length >= 4 && header[..4].SequenceEqual(Qcow2Magic);

    // Header layout (big-endian): magic 0, version 4, backing_file_offset 8, backing_file_size 16, cluster_bits 20,
    // size 24 ... v3 adds incompatible_features at 72; a v2 header is 72 bytes, v3 at least 104.
    private static long InspectQcow2(ReadOnlySpan<byte> header)
    {
        if (!IsQcow2(header) || header.Length < 72)
        {
            throw new InvalidImageDataException(DiskFormats.Qcow2, "Image content does not match disk_format qcow2.");
        }

        var version = BinaryPrimitives.ReadUInt32BigEndian(header[4..]);
        var clusterBits = BinaryPrimitives.ReadUInt32BigEndian(header[20..]);
        var size = BinaryPrimitives.ReadUInt64BigEndian(header[24..]);
        if (version is not (2 or 3) || clusterBits is < 9 or > 21 || size > long.MaxValue || (version == 3 && header.Length < 104))
        {
            throw new InvalidImageDataException(DiskFormats.Qcow2, $"Image content does not match disk_format qcow2: invalid qcow2 header (version {version}, cluster_bits {clusterBits}).");
        }

        if (BinaryPrimitives.ReadUInt64BigEndian(header[8..]) != 0)
        {
            throw new InvalidImageDataException(DiskFormats.Qcow2, "Image does not pass safety check: qcow2 image has a backing file.");
        }

        var incompatible = version == 3 ? BinaryPrimitives.ReadUInt64BigEndian(header[72..]) : 0;
        if ((incompatible & Qcow2DataFileBit) != 0)
        {
            throw new InvalidImageDataException(DiskFormats.Qcow2, "Image does not pass safety check: qcow2 image has an external data file.");
        }

        if ((incompatible & ~Qcow2KnownIncompatible) != 0)
        {
            throw new InvalidImageDataException(DiskFormats.Qcow2, $"Image does not pass safety check: qcow2 image has unknown incompatible features (0x{incompatible:x}).");
        }

        return (long)size;
    }

    // ISO 9660: the primary volume descriptor (type 1, "CD001") is sector 16; its volume space size (blocks) is a
    // both-endian u32 at 80 and its logical block size a both-endian u16 at 128. Not an ISO → unknown (null).
    private static long? IsoVirtualSize(ReadOnlySpan<byte> header)
    {
        if (header.Length < IsoHeaderBytes)
        {
            return null;
        }

        var descriptor = header[IsoDescriptorOffset..];
        if (descriptor[0] != 1 || !descriptor[1..6].SequenceEqual("CD001"u8))
        {
            return null;
        }

        long blocks = BinaryPrimitives.ReadUInt32LittleEndian(descriptor[80..]);
        long blockSize = BinaryPrimitives.ReadUInt16LittleEndian(descriptor[128..]);
        return blocks * blockSize;
    }
}

/// <summary>The <c>disk_format</c> values the inspector knows.</summary>
public static class DiskFormats
{
    /// <summary>Raw bytes: virtual size = size.</summary>
    public const string Raw = "raw";

    /// <summary>QEMU copy-on-write v2/v3.</summary>
    public const string Qcow2 = "qcow2";

    /// <summary>ISO 9660.</summary>
    public const string Iso = "iso";
}

/// <summary>
/// The data contradicts its declared disk format or fails a safety check (Glance's <c>InvalidImageData</c>: 400,
/// the image goes back to queued with nothing kept).
/// </summary>
public sealed class InvalidImageDataException(string diskFormat, string message) : Exception(message)
{
    /// <summary>The declared disk format.</summary>
    public string DiskFormat { get; } = diskFormat;
}
