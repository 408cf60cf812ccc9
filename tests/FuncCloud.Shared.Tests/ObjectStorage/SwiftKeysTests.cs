using System.Text;
using FuncCloud.Shared.ObjectStorage;
using Shouldly;
using Xunit;

namespace FuncCloud.Shared.Tests.ObjectStorage;

public sealed class SwiftKeysTests
{
    private static int CompareBytes(byte[] a, byte[] b) => a.AsSpan().SequenceCompareTo(b);

    [Fact]
    public void Encode_RandomNames_PreservesByteOrderWithoutCollisions()
    {
        var random = new Random(12);
        var names = new List<byte[]>();
        for (var i = 0; i < 3000; i++)
        {
            var bytes = new byte[random.Next(0, 40)];
            random.NextBytes(bytes);
            for (var j = 0; j < bytes.Length; j++)
            {
                // Swift names never hold NUL; keep some short alphabets so prefixes are shared often.
                bytes[j] = i % 2 == 0 ? (byte)(1 + (bytes[j] % 3)) : (byte)Math.Max((byte)1, bytes[j]);
            }

            names.Add(bytes);
        }

        foreach (var (a, b) in names.Zip(names.Skip(1).Append(names[0])))
        {
            var expected = Math.Sign(CompareBytes(a, b));
            Math.Sign(string.CompareOrdinal(SwiftKeys.Encode(a), SwiftKeys.Encode(b))).ShouldBe(expected, $"{Convert.ToHexString(a)} vs {Convert.ToHexString(b)}");
        }
    }

    [Fact]
    public void Encode_KeysHoldOnlyUrlSafeKeyCharacters_AndStayUnder512()
    {
        var key = SwiftKeys.Encode(new string('/', 1024) + "#?\\\u0001");
        key.ShouldAllBe(c => char.IsAsciiLetterOrDigit(c) || c == '.' || c == '_' || c == '~');
        key.Length.ShouldBeLessThanOrEqualTo(504);
        SwiftKeys.Encode(new string('x', 1024)).Length.ShouldBe(503);
    }

    [Fact]
    public void Encode_LongNames_SortAfterTheShorterNamesTheyExtendAndBeforeGreaterOnes()
    {
        var head = new string('m', SwiftKeys.MaxExactBytes);
        var longA = SwiftKeys.Encode(head + "aaaa");
        var longB = SwiftKeys.Encode(head + "bbbb");
        longA.ShouldNotBe(longB);
        string.CompareOrdinal(SwiftKeys.Encode(head), longA).ShouldBeLessThan(0);
        string.CompareOrdinal(longA, SwiftKeys.Encode(head[..^1] + "n")).ShouldBeLessThan(0);
        string.CompareOrdinal(SwiftKeys.Encode(head[..^1] + "l" + new string('z', 600)), longA).ShouldBeLessThan(0);
    }

    [Fact]
    public void PrefixEnd_BoundsEveryNameWithThePrefix()
    {
        var end = SwiftKeys.Encode(SwiftKeys.PrefixEnd("ab/")!);
        string.CompareOrdinal(SwiftKeys.Encode("ab/zzzz\uFFFF"), end).ShouldBeLessThan(0);
        string.CompareOrdinal(SwiftKeys.Encode("ab0"), end).ShouldBeGreaterThanOrEqualTo(0);
        SwiftKeys.PrefixEnd(string.Empty).ShouldBeNull();
    }
}
