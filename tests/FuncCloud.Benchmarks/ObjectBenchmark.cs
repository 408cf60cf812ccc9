using System.Diagnostics;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using FuncCloud.Testing;

namespace FuncCloud.Benchmarks;

/// <summary>
/// Swift data path: PUT/GET throughput of small (4 KiB) and large (64 MiB) objects sequentially and with
/// concurrency 8, container listing latency over many objects, and the working-set growth of this process
/// (which holds the host when self-hosted) while one big object streams up and down.
/// </summary>
public static class ObjectBenchmark
{
    /// <summary>Runs every scenario; sizes and counts are options so the run stays bounded.</summary>
    public static async Task RunAsync(Uri baseAddress, string user, string password, string project, IReadOnlyDictionary<string, string> options)
    {
        int Option(string name, int fallback) => int.Parse(options.GetValueOrDefault(name, fallback.ToString(System.Globalization.CultureInfo.InvariantCulture)), System.Globalization.CultureInfo.InvariantCulture);
        var smallCount = Option("small", 400);
        var largeMib = Option("large-mib", 64);
        var listObjects = Option("objects", 10_000);
        var bigMib = Option("big-mib", 512);

        using var anonymous = new HttpClient { BaseAddress = baseAddress };
        var token = await KeystoneTokens.PasswordTokenAsync(anonymous, user, password, project);
        using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(30) };
        client.DefaultRequestHeaders.Add("X-Auth-Token", token);
        var account = $"/object-store/v1/AUTH_{await ProjectIdAsync(client, token)}";
        var container = $"{account}/bench-{Guid.NewGuid():N}";
        (await client.PutAsync(container, new ByteArrayContent([]))).EnsureSuccessStatusCode();

        Console.WriteLine($"{"scenario",-34} {"ops",6} {"seconds",8} {"ops/s",8} {"MB/s",8} {"p50 ms",8} {"p99 ms",8}");
        var small = new byte[4096];
        Random.Shared.NextBytes(small);
        await ReportAsync("PUT 4 KiB sequential", smallCount, 1, 4096, i => PutAsync(client, $"{container}/s{i}", small));
        await ReportAsync("GET 4 KiB sequential", smallCount, 1, 4096, i => GetAsync(client, $"{container}/s{i}"));
        await ReportAsync("PUT 4 KiB concurrency 8", smallCount, 8, 4096, i => PutAsync(client, $"{container}/c{i}", small));
        await ReportAsync("GET 4 KiB concurrency 8", smallCount, 8, 4096, i => GetAsync(client, $"{container}/c{i}"));

        var largeBytes = largeMib * 1024L * 1024;
        await ReportAsync($"PUT {largeMib} MiB sequential", 2, 1, largeBytes, i => PutStreamAsync(client, $"{container}/l{i}", largeBytes));
        await ReportAsync($"GET {largeMib} MiB sequential", 2, 1, largeBytes, i => GetAsync(client, $"{container}/l{i}"));
        await ReportAsync($"PUT {largeMib} MiB concurrency 8", 8, 8, largeBytes, i => PutStreamAsync(client, $"{container}/m{i}", largeBytes));
        await ReportAsync($"GET {largeMib} MiB concurrency 8", 8, 8, largeBytes, i => GetAsync(client, $"{container}/m{i}"));
        for (var i = 0; i < 8; i++)
        {
            await client.DeleteAsync($"{container}/m{i}");
            if (i < 2)
            {
                await client.DeleteAsync($"{container}/l{i}");
            }
        }

        var listing = $"{account}/bench-list-{Guid.NewGuid():N}";
        (await client.PutAsync(listing, new ByteArrayContent([]))).EnsureSuccessStatusCode();
        await ReportAsync($"PUT 0 B x{listObjects} (fill) conc. 16", listObjects, 16, 0, i => PutAsync(client, $"{listing}/dir{i % 100:D3}/object{i:D6}", []));
        await ReportAsync($"GET listing limit=10000 ({listObjects})", 5, 1, 0, _ => GetAsync(client, $"{listing}?limit=10000&format=json"));
        await ReportAsync("GET listing limit=100 marker", 20, 1, 0, i => GetAsync(client, $"{listing}?limit=100&format=json&marker=dir{i * 5:D3}/"));
        await ReportAsync("GET listing delimiter=/ (100 dirs)", 20, 1, 0, _ => GetAsync(client, $"{listing}?delimiter=/&format=json"));
        await ReportAsync("GET listing prefix limit=100", 20, 1, 0, i => GetAsync(client, $"{listing}?prefix=dir{i:D3}/&limit=100"));

        await BigRoundTripAsync(client, $"{container}/big", bigMib * 1024L * 1024);
    }

    private static async Task ReportAsync(string scenario, int count, int concurrency, long bytesPerOp, Func<int, Task> operation)
    {
        var latencies = new double[count];
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var started = Stopwatch.GetTimestamp();
                await operation(i);
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }));
        var seconds = clock.Elapsed.TotalSeconds;
        Array.Sort(latencies);
        var mbps = bytesPerOp == 0 ? "-" : (bytesPerOp * count / 1048576.0 / seconds).ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
        Console.WriteLine($"{scenario,-34} {count,6} {seconds,8:F1} {count / seconds,8:F1} {mbps,8} {latencies[count / 2],8:F1} {latencies[Math.Min(count - 1, (int)(count * 0.99))],8:F1}");
    }

    private static async Task PutAsync(HttpClient client, string url, byte[] body)
    {
        using var response = await client.PutAsync(url, new ByteArrayContent(body));
        response.EnsureSuccessStatusCode();
    }

    private static async Task PutStreamAsync(HttpClient client, string url, long bytes)
    {
        var content = new StreamContent(new GeneratedStream(bytes), 1024 * 1024);
        content.Headers.ContentLength = bytes;
        using var response = await client.PutAsync(url, content);
        response.EnsureSuccessStatusCode();
    }

    private static async Task GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        await body.CopyToAsync(Stream.Null, 1024 * 1024);
    }

    // One big object up and down, sampling this process's working set: self-hosted, the host's buffers show here.
    private static async Task BigRoundTripAsync(HttpClient client, string url, long bytes)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var baseline = process.WorkingSet64;
        var peak = baseline;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
                await Task.Delay(25, CancellationToken.None);
            }
        });

        var clock = Stopwatch.StartNew();
        var content = new StreamContent(new GeneratedStream(bytes, 7), 1024 * 1024);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        string etag;
        using (var put = await client.PutAsync(url, content))
        {
            put.EnsureSuccessStatusCode();
            etag = put.Headers.ETag?.Tag.Trim('"') ?? string.Join(string.Empty, put.Headers.GetValues("ETag")).Trim('"');
        }

        var upload = clock.Elapsed.TotalSeconds;
        clock.Restart();
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        using (var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead))
        {
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync();
            var buffer = new byte[1024 * 1024];
            int read;
            while ((read = await body.ReadAsync(buffer)) > 0)
            {
                md5.AppendData(buffer, 0, read);
            }
        }

        var download = clock.Elapsed.TotalSeconds;
        await sampling.CancelAsync();
        await sampler;
        await client.DeleteAsync(url);
        var mib = bytes / 1048576;
        Console.WriteLine($"big object {mib} MiB: PUT {upload:F1} s ({mib / upload:F1} MB/s), GET {download:F1} s ({mib / download:F1} MB/s), ETag {(etag == Convert.ToHexStringLower(md5.GetHashAndReset()) ? "verified" : "MISMATCH")}");
        Console.WriteLine($"working set {baseline / 1048576} MiB -> peak {peak / 1048576} MiB (+{(peak - baseline) / 1048576} MiB)");
    }

    private static async Task<string> ProjectIdAsync(HttpClient client, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/identity/v3/auth/tokens");
        request.Headers.Add("X-Subject-Token", token);
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("token").GetProperty("project").GetProperty("id").GetString()!;
    }
}
