using System.Buffers.Binary;

namespace FuncCloud.Functions.Tests.Image;

/// <summary>
/// Tiny qcow2 images written by hand: a v3 header (only the header matters to the inspector) followed by
/// arbitrary bytes, so tests need no <c>qemu-img</c>.
/// </summary>
public static class Qcow2Image
{
    /// <summary>1 GiB, the virtual size of the images built here unless told otherwise.</summary>
    public const long OneGiB = 1L << 30;

    /// <summary>
    /// A qcow2 v3 header of <paramref name="virtualSize"/> (cluster_bits 16, header_length 104), optionally
    /// pointing at a backing file or with the external-data-file feature bit, padded with <paramref name="tail"/> bytes.
    /// </summary>
    public static byte[] Create(long virtualSize = OneGiB, int tail = 4096, bool backingFile = false, bool externalDataFile = false)
    {
        var bytes = new byte[512 + tail];
        var header = bytes.AsSpan();
        header[0] = 0x51; // Q
        header[1] = 0x46; // F
        header[2] = 0x49; // I
        header[3] = 0xfb;
        BinaryPrimitives.WriteUInt32BigEndian(header[4..], 3);
        if (backingFile)
        {
            "/etc/passwd"u8.CopyTo(header[200..]);
            BinaryPrimitives.WriteUInt64BigEndian(header[8..], 200);
            BinaryPrimitives.WriteUInt32BigEndian(header[16..], 11);
        }

        BinaryPrimitives.WriteUInt32BigEndian(header[20..], 16);
        BinaryPrimitives.WriteUInt64BigEndian(header[24..], (ulong)virtualSize);
        BinaryPrimitives.WriteUInt64BigEndian(header[72..], externalDataFile ? 1UL << 2 : 0);
        BinaryPrimitives.WriteUInt32BigEndian(header[96..], 4);
        BinaryPrimitives.WriteUInt32BigEndian(header[100..], 104);
        for (var i = 512; i < bytes.Length; i++)
        {
            bytes[i] = (byte)i;
        }

        return bytes;
    }
}
