using FuncCloud.Testing;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace FuncCloud.Functions.Tests.Image;

/// <summary>The host of the streaming test (its own, so other classes' uploads do not share its working set).</summary>
public sealed class ImageStreamingFixture : ImageHostFixture;

/// <summary>Large images stream through the host in both directions with bounded memory.</summary>
public sealed class ImageStreamingTests(ImageStreamingFixture host, ITestOutputHelper output) : IClassFixture<ImageStreamingFixture>
{
    private const long ImageBytes = 256L * 1024 * 1024;

    [Fact]
    public async Task UploadDownload_256MiB_WorkingSetGrowsFarLessThanImage()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var result = await ImageTransfer.RoundTripAsync(host.BaseAddress, await host.DemoTokenAsync(), ImageBytes, timeout.Token);

        output.WriteLine($"upload {result.UploadMBps:F1} MB/s, download {result.DownloadMBps:F1} MB/s, working set +{result.WorkingSetGrowth / 1048576} MiB");
        result.ChecksumMatches.ShouldBeTrue();
        // Client and host share this process: buffering either direction would add >= 256 MiB. Generous bound
        // for GC slack, other test classes running in parallel, and pooled buffers.
        result.WorkingSetGrowth.ShouldBeLessThan(ImageBytes / 2);
    }
}
