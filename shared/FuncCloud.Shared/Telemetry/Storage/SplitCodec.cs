using System.Buffers.Binary;

namespace FuncCloud.Shared.Telemetry.Storage;

/// <summary>
/// The binary form of one split (a run of <see cref="MeasureStore.SplitSize"/> buckets of one granularity):
/// for each non-empty bucket its offset in the split (2 bytes) and its state (8 × 8 bytes + count), 74 bytes;
/// a full split is 53 KB, under the 64 KiB limit of a table property.
/// </summary>
public static class SplitCodec
{
    private const int EntrySize = 2 + 8 + (8 * 8);

    /// <summary>Encodes the buckets (keys are offsets within the split).</summary>
    public static byte[] Encode(SortedDictionary<int, Bucket> buckets)
    {
        var bytes = new byte[buckets.Count * EntrySize];
        var span = bytes.AsSpan();
        foreach (var (offset, b) in buckets)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(span, (ushort)offset);
            BinaryPrimitives.WriteInt64LittleEndian(span[2..], b.Count);
            BinaryPrimitives.WriteDoubleLittleEndian(span[10..], b.Sum);
            BinaryPrimitives.WriteDoubleLittleEndian(span[18..], b.SumOfSquares);
            BinaryPrimitives.WriteDoubleLittleEndian(span[26..], b.Min);
            BinaryPrimitives.WriteDoubleLittleEndian(span[34..], b.Max);
            BinaryPrimitives.WriteInt64LittleEndian(span[42..], b.FirstTicks);
            BinaryPrimitives.WriteDoubleLittleEndian(span[50..], b.First);
            BinaryPrimitives.WriteInt64LittleEndian(span[58..], b.LastTicks);
            BinaryPrimitives.WriteDoubleLittleEndian(span[66..], b.Last);
            span = span[EntrySize..];
        }

        return bytes;
    }

    /// <summary>Decodes what <see cref="Encode"/> wrote.</summary>
    public static SortedDictionary<int, Bucket> Decode(ReadOnlySpan<byte> span)
    {
        var buckets = new SortedDictionary<int, Bucket>();
        while (span.Length >= EntrySize)
        {
            buckets[BinaryPrimitives.ReadUInt16LittleEndian(span)] = new Bucket
            {
                Count = BinaryPrimitives.ReadInt64LittleEndian(span[2..]),
                Sum = BinaryPrimitives.ReadDoubleLittleEndian(span[10..]),
                SumOfSquares = BinaryPrimitives.ReadDoubleLittleEndian(span[18..]),
                Min = BinaryPrimitives.ReadDoubleLittleEndian(span[26..]),
                Max = BinaryPrimitives.ReadDoubleLittleEndian(span[34..]),
                FirstTicks = BinaryPrimitives.ReadInt64LittleEndian(span[42..]),
                First = BinaryPrimitives.ReadDoubleLittleEndian(span[50..]),
                LastTicks = BinaryPrimitives.ReadInt64LittleEndian(span[58..]),
                Last = BinaryPrimitives.ReadDoubleLittleEndian(span[66..]),
            };
            span = span[EntrySize..];
        }

        return buckets;
    }
}
