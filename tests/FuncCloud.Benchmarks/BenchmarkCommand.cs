using FuncCloud.Testing;

namespace FuncCloud.Benchmarks;

/// <summary>Parses the command line and runs the chosen benchmark.</summary>
public static class BenchmarkCommand
{
    /// <summary>Exit code 0 on success, 2 on usage errors.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length > 0 && args[0] == "boot")
        {
            return await Compute.BootBenchmark.RunAsync(Options(args[1..]));
        }

        if (args.Length > 0 && args[0] == "schedule")
        {
            return await Scale.ScheduleBenchmark.RunAsync(Options(args[1..]));
        }

        if (args.Length > 0 && args[0] == "create")
        {
            return await Scale.CreateBenchmark.RunAsync(Options(args[1..]));
        }

        if (args.Length > 0 && args[0] == "monitor")
        {
            return await Monitor.MonitorBenchmark.RunAsync(Options(args[1..]));
        }

        if (args.Length > 0 && args[0] == "usage")
        {
            return await Usage.UsageBenchmark.RunAsync(Options(args[1..]));
        }

        if (args.Length > 0 && args[0] == "automation")
        {
            return await Automation.AutomationBenchmark.RunAsync(Options(args[1..]));
        }

        if (args.Length > 0 && args[0] == "telemetry")
        {
            return await Telemetry.TelemetryBenchmark.RunAsync(Options(args[1..]));
        }

        if (args.Length > 0 && args[0] == "alarms")
        {
            return await Alarming.AlarmBenchmark.RunAsync(Options(args[1..]));
        }

        if (args.Length > 0 && args[0] == "volume")
        {
            return await Volume.VolumeBenchmarkCommand.RunAsync(Options(args[1..]));
        }

        if (args.Length == 0 || args[0] is not ("identity" or "image" or "objects" or "network"))
        {
            Console.Error.WriteLine("usage: schedule [--nodes 10,100,1000,10000] [--boots B (30)] | create [--servers 10,...,100000] [--samples S (30)] | telemetry [--instances N (1000)] [--meters M (10)] [--minutes (1440)] [--batch-minutes (60)] [--concurrency (16)] | alarms [--alarms 100,1000] | usage [--servers N (1000)] [--requests R (20)] | automation [--requests N (500)] [--concurrency C (8)] [--seconds S (600)] | boot [--nodes N] [--servers M] [--concurrency C] [--seconds S] | monitor [--orchestrations N] [--page P] | volume [--url URL] [--password P] [--volumes N (20)] [--concurrency C (20)] | identity|image|network [--url URL] [--password P] [--user U] [--project P] [--requests N] [--seconds S] [--cost C] [--mib M (image, 1024)] | objects [--url URL] [--small N (400)] [--large-mib M (64)] [--objects N (10000)] [--big-mib M (512)]");
            return 2;
        }

        var options = Options(args[1..]);
        var requests = int.Parse(options.GetValueOrDefault("requests", "500"), System.Globalization.CultureInfo.InvariantCulture);
        var seconds = double.Parse(options.GetValueOrDefault("seconds", "10"), System.Globalization.CultureInfo.InvariantCulture);
        BenchmarkHost? selfHosted = null;
        var url = options.GetValueOrDefault("url");
        var password = options.GetValueOrDefault("password");
        if (url is null)
        {
            selfHosted = await BenchmarkHost.StartAsync(options.GetValueOrDefault("cost", "4"));
            url = selfHosted.BaseAddress.ToString();
            password = IdentityHostFixture.AdminPassword;
            Console.WriteLine($"Self-hosted LocalHost at {url} (Azurite in memory)");
        }

        var baseUri = new Uri(url);
        if (!baseUri.IsLoopback)
        {
            Console.Error.WriteLine("Benchmarks only target loopback addresses.");
            return 2;
        }

        try
        {
            if (args[0] == "image")
            {
                var mebibytes = long.Parse(options.GetValueOrDefault("mib", "1024"), System.Globalization.CultureInfo.InvariantCulture);
                await ImageBenchmark.RunAsync(baseUri, options.GetValueOrDefault("user", "admin"), password ?? string.Empty, options.GetValueOrDefault("project", "admin"), mebibytes);
                return 0;
            }

            if (args[0] == "objects")
            {
                await ObjectBenchmark.RunAsync(baseUri, options.GetValueOrDefault("user", "admin"), password ?? string.Empty, options.GetValueOrDefault("project", "admin"), options);
                return 0;
            }

            if (args[0] == "network")
            {
                await new Network.NetworkBenchmark(baseUri, options.GetValueOrDefault("user", "admin"), password ?? string.Empty, options.GetValueOrDefault("project", "admin"))
                    .RunAsync(requests, TimeSpan.FromSeconds(seconds));
                await Network.NetworkBootBenchmark.RunAsync();
                return 0;
            }

            var bench = new IdentityBenchmark(baseUri, options.GetValueOrDefault("user", "admin"), password ?? string.Empty, options.GetValueOrDefault("project", "admin"));
            await bench.RunAsync(requests, TimeSpan.FromSeconds(seconds));
            return 0;
        }
        finally
        {
            if (selfHosted is not null)
            {
                await selfHosted.DisposeAsync();
            }
        }
    }

    private static Dictionary<string, string> Options(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i].TrimStart('-')] = args[i + 1];
        }

        return options;
    }
}
