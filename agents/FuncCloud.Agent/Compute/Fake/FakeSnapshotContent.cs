using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using FuncCloud.Shared.Compute;

namespace FuncCloud.Agent.Compute.Fake;

/// <summary>
/// The bytes of a Fake snapshot, deterministic so tests can predict size and checksum: a raw disk of the
/// flavor's root size (1 GiB when the flavor has no disk) capped to <c>SnapshotMaxBytes</c> (4 MiB by default),
/// whose first sector names the server in ASCII (zero-padded) and whose rest repeats, in 4 KiB blocks, the
/// SHA-256 of the server id with the block number XOR-ed into every byte.
/// </summary>
public static class FakeSnapshotContent
{
    /// <summary>The default cap: 4 MiB (one Glance upload block).</summary>
    public const long DefaultMaxBytes = 4L * 1024 * 1024;

    private const int SectorSize = 512;
    private const int BlockSize = 4096;

    /// <summary>The snapshot size of an instance of <paramref name="flavor"/>.</summary>
    public static long Length(FlavorSpec flavor, long maxBytes) =>
        Math.Max(SectorSize, Math.Min(maxBytes, (flavor.RootGb > 0 ? flavor.RootGb : 1) * 1024L * 1024 * 1024));

    /// <summary>Writes the <paramref name="length"/> bytes of <paramref name="serverId"/>'s snapshot, a block at a time.</summary>
    public static async Task WriteAsync(Stream destination, string serverId, long length, CancellationToken cancellationToken, Func<long, bool>? failAt = null)
    {
        var seed = SHA256.HashData(Encoding.UTF8.GetBytes(serverId));
        var buffer = ArrayPool<byte>.Shared.Rent(BlockSize);
        try
        {
            for (long offset = 0, block = 0; offset < length; offset += BlockSize, block++)
            {
                var count = (int)Math.Min(BlockSize, length - offset);
                Fill(buffer.AsSpan(0, BlockSize), serverId, seed, block);
                if (failAt?.Invoke(offset) == true)
                {
                    return;
                }

                await destination.WriteAsync(buffer.AsMemory(0, count), cancellationToken);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The whole snapshot in memory (tests only: computing the expected checksum).</summary>
    public static byte[] ToArray(string serverId, long length)
    {
        using var memory = new MemoryStream();
        WriteAsync(memory, serverId, length, CancellationToken.None).GetAwaiter().GetResult();
        return memory.ToArray();
    }

    private static void Fill(Span<byte> block, string serverId, byte[] seed, long number)
    {
        for (var i = 0; i < block.Length; i++)
        {
            block[i] = (byte)(seed[i % seed.Length] ^ (byte)number);
        }

        if (number == 0)
        {
            var header = block[..SectorSize];
            header.Clear();
            Encoding.ASCII.GetBytes($"FuncCloud fake snapshot of server {serverId}\n", header);
        }
    }
}
