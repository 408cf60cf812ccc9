using FuncCloud.Testing;

namespace FuncCloud.Benchmarks;

/// <summary>
/// Glance data path: uploads a generated image (1 GiB by default) and downloads it back, printing MB/s and
/// the working-set growth of this process (which holds the host when self-hosted).
/// </summary>
public static class ImageBenchmark
{
    /// <summary>Runs one round trip of <paramref name="mebibytes"/> MiB as <paramref name="user"/>.</summary>
    public static async Task RunAsync(Uri baseAddress, string user, string password, string project, long mebibytes)
    {
        var token = await TokenAsync(baseAddress, user, password, project);
        var result = await ImageTransfer.RoundTripAsync(baseAddress, token, mebibytes * 1024 * 1024, CancellationToken.None);
        Console.WriteLine($"{"scenario",-28} {"MiB",6} {"seconds",8} {"MB/s",8}");
        Console.WriteLine($"{"image upload (PUT file)",-28} {mebibytes,6} {result.Upload.TotalSeconds,8:F1} {result.UploadMBps,8:F1}");
        Console.WriteLine($"{"image download (GET file)",-28} {mebibytes,6} {result.Download.TotalSeconds,8:F1} {result.DownloadMBps,8:F1}");
        Console.WriteLine($"checksum {(result.ChecksumMatches ? "verified" : "MISMATCH")}; working set {result.BaselineWorkingSet / 1048576} MiB -> peak {result.PeakWorkingSet / 1048576} MiB (+{result.WorkingSetGrowth / 1048576} MiB)");
    }

    private static async Task<string> TokenAsync(Uri baseAddress, string user, string password, string project)
    {
        using var client = new HttpClient { BaseAddress = baseAddress };
        return await KeystoneTokens.PasswordTokenAsync(client, user, password, project);
    }
}
