using FuncCloud.Shared.Image;
using Shouldly;
using Xunit;

namespace FuncCloud.Functions.Tests.Image;

/// <summary>The header inspection that runs while image data streams (fed in pieces, as blocks arrive).</summary>
public sealed class DiskFormatInspectorTests
{
    private static long? Inspect(string? diskFormat, byte[] data, int chunk = 7)
    {
        var inspector = DiskFormatInspector.For(diskFormat);
        for (var offset = 0; offset < data.Length; offset += chunk)
        {
            inspector.Feed(data.AsSpan(offset, Math.Min(chunk, data.Length - offset)));
        }

        return inspector.Complete(data.Length);
    }

    [Fact]
    public void Complete_Qcow2FedInSmallChunks_ReturnsHeaderSize() =>
        Inspect(DiskFormats.Qcow2, Qcow2Image.Create(Qcow2Image.OneGiB)).ShouldBe(Qcow2Image.OneGiB);

    [Fact]
    public void Complete_Raw_ReturnsSize() => Inspect(DiskFormats.Raw, new byte[12345]).ShouldBe(12345);

    [Fact]
    public void Complete_UninspectedFormat_ReturnsNull() => Inspect("vmdk", new byte[1000]).ShouldBeNull();

    [Fact]
    public void Feed_Qcow2DeclaredButZeros_ThrowsMismatch() =>
        Should.Throw<InvalidImageDataException>(() => Inspect(DiskFormats.Qcow2, new byte[4096])).Message.ShouldContain("does not match disk_format qcow2");

    [Fact]
    public void Complete_Qcow2DeclaredButTooShort_ThrowsMismatch() =>
        Should.Throw<InvalidImageDataException>(() => Inspect(DiskFormats.Qcow2, [0x51, 0x46, 0x49, 0xfb, 0, 0, 0, 3]));

    [Fact]
    public void Feed_Qcow2WithBackingFile_ThrowsSafetyCheck() =>
        Should.Throw<InvalidImageDataException>(() => Inspect(DiskFormats.Qcow2, Qcow2Image.Create(backingFile: true))).Message.ShouldContain("backing file");

    [Fact]
    public void Feed_Qcow2WithExternalDataFile_ThrowsSafetyCheck() =>
        Should.Throw<InvalidImageDataException>(() => Inspect(DiskFormats.Qcow2, Qcow2Image.Create(externalDataFile: true))).Message.ShouldContain("external data file");

    [Fact]
    public void Feed_RawDeclaredButQcow2_ThrowsMismatch() =>
        Should.Throw<InvalidImageDataException>(() => Inspect(DiskFormats.Raw, Qcow2Image.Create())).Message.ShouldContain("does not match disk_format raw");

    [Fact]
    public void Complete_Iso_ReturnsVolumeSpaceTimesBlockSize()
    {
        var iso = new byte[40 * 2048];
        var descriptor = iso.AsSpan(16 * 2048);
        descriptor[0] = 1;
        "CD001"u8.CopyTo(descriptor[1..]);
        descriptor[6] = 1;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(descriptor[80..], 40);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(descriptor[84..], 40);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(descriptor[128..], 2048);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(descriptor[130..], 2048);

        Inspect(DiskFormats.Iso, iso, chunk: 4096).ShouldBe(40 * 2048);
    }

    [Fact]
    public void Complete_IsoDeclaredWithoutDescriptor_ReturnsNull() => Inspect(DiskFormats.Iso, new byte[40 * 2048], chunk: 4096).ShouldBeNull();
}
