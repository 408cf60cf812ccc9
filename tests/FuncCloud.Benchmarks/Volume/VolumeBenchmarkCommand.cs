using System.Globalization;
using FuncCloud.Testing;

namespace FuncCloud.Benchmarks.Volume;

/// <summary>
/// <c>volume [--url URL --password P] [--volumes N] [--concurrency C] [--image ID]</c>: the running FuncCloud, or a
/// private host. With an image (always on the private host) a server boots and the sequential volumes are attached
/// to it and detached one at a time.
/// </summary>
public static class VolumeBenchmarkCommand
{
    /// <summary>Exit code 0 on success, 2 on usage errors.</summary>
    public static async Task<int> RunAsync(Dictionary<string, string> options)
    {
        var count = int.Parse(options.GetValueOrDefault("volumes", "20"), CultureInfo.InvariantCulture);
        var concurrency = int.Parse(options.GetValueOrDefault("concurrency", "20"), CultureInfo.InvariantCulture);
        VolumeBenchmarkHost? selfHosted = null;
        var url = options.GetValueOrDefault("url");
        var password = options.GetValueOrDefault("password");
        if (url is null)
        {
            selfHosted = await VolumeBenchmarkHost.StartAsync();
            url = selfHosted.BaseAddress.ToString();
            password = IdentityHostFixture.AdminPassword;
            Console.WriteLine($"Self-hosted LocalHost at {url} (Azurite in memory, storage node local with the {VolumeBenchmarkHost.StorageDriver} volume driver)");
        }

        var baseUri = new Uri(url);
        if (!baseUri.IsLoopback)
        {
            Console.Error.WriteLine("Benchmarks only target loopback addresses.");
            return 2;
        }

        try
        {
            var image = options.GetValueOrDefault("image") ?? (selfHosted is null ? null : VolumeBenchmarkHost.ImageId);
            await VolumeBenchmark.RunAsync(baseUri, options.GetValueOrDefault("user", "admin"), password ?? string.Empty, options.GetValueOrDefault("project", "admin"), count, concurrency, image);
            return 0;
        }
        finally
        {
            if (selfHosted is not null)
            {
                await ((IAsyncDisposable)selfHosted).DisposeAsync();
            }
        }
    }
}
