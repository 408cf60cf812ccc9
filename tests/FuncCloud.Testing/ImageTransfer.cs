using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace FuncCloud.Testing;

/// <summary>What a large image round trip measured.</summary>
public sealed record ImageTransferResult(string ImageId, long Bytes, TimeSpan Upload, TimeSpan Download, long BaselineWorkingSet, long PeakWorkingSet, bool ChecksumMatches)
{
    /// <summary>Upload throughput.</summary>
    public double UploadMBps => Bytes / 1048576.0 / Upload.TotalSeconds;

    /// <summary>Download throughput.</summary>
    public double DownloadMBps => Bytes / 1048576.0 / Download.TotalSeconds;

    /// <summary>How much the process's working set grew above the baseline during the transfers.</summary>
    public long WorkingSetGrowth => PeakWorkingSet - BaselineWorkingSet;
}

/// <summary>
/// Uploads a generated image of any size through <c>PUT /image/v2/images/{id}/file</c> (chunked, streamed),
/// downloads it back hashing on the fly, and samples this process's working set meanwhile: when the host
/// runs in-process, the growth shows whether either direction buffers the image.
/// </summary>
public static class ImageTransfer
{
    /// <summary>Round-trips <paramref name="bytes"/> bytes as the holder of <paramref name="token"/>.</summary>
    public static async Task<ImageTransferResult> RoundTripAsync(Uri baseAddress, string token, long bytes, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(10) };
        client.DefaultRequestHeaders.Add("X-Auth-Token", token);
        using var created = await client.PostAsJsonAsync("/image/v2/images", new JsonObject { ["name"] = "transfer-" + bytes, ["disk_format"] = "raw", ["container_format"] = "bare" }, cancellationToken);
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))!["id"]!.GetValue<string>();

        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var baseline = process.WorkingSet64;
        long peak = baseline;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
                await Task.Delay(25, CancellationToken.None);
            }
        }, CancellationToken.None);

        var clock = Stopwatch.StartNew();
        var expected = MD5.Create();
        var content = new StreamContent(new HashingReadStream(new GeneratedStream(bytes), expected), 1024 * 1024);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using (var uploaded = await client.PutAsync($"/image/v2/images/{id}/file", content, cancellationToken))
        {
            uploaded.EnsureSuccessStatusCode();
        }

        var upload = clock.Elapsed;
        clock.Restart();
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        using (var response = await client.GetAsync($"/image/v2/images/{id}/file", HttpCompletionOption.ResponseHeadersRead, cancellationToken))
        {
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[1024 * 1024];
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                md5.AppendData(buffer, 0, read);
            }
        }

        var download = clock.Elapsed;
        await sampling.CancelAsync();
        await sampler;
        expected.TransformFinalBlock([], 0, 0);
        var matches = Convert.ToHexStringLower(expected.Hash!) == Convert.ToHexStringLower(md5.GetHashAndReset());
        expected.Dispose();
        await client.DeleteAsync($"/image/v2/images/{id}", cancellationToken);
        return new ImageTransferResult(id, bytes, upload, download, baseline, peak, matches);
    }

    private sealed class HashingReadStream(Stream inner, HashAlgorithm hash) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            hash.TransformBlock(buffer, offset, n, null, 0);
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
