using System.Diagnostics;
using System.Net.Sockets;

namespace FuncCloud.Testing;

/// <summary>
/// One in-memory Azurite for the whole test run, on free loopback ports. It is installed from the
/// committed lockfile when missing (<c>npm ci</c>), and it dies with the test process: a watchdog shell
/// kills it as soon as the test host is gone, even when the host is killed without running finalizers.
/// </summary>
public sealed class AzuriteServer
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static AzuriteServer? _instance;
    private readonly Process _process;

    private AzuriteServer(Process process, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        ConnectionString =
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
            $"AccountKey={AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;" +
            $"QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;" +
            $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;";
    }

    /// <summary>The process id of the emulator's watchdog shell (Azurite runs as its child): benchmarks read its CPU time.</summary>
    public int WatchdogProcessId => _process.Id;

    /// <summary>The connection string of the running emulator.</summary>
    public string ConnectionString { get; }

    /// <summary>Starts Azurite once per process and returns it.</summary>
    public static async Task<AzuriteServer> GetAsync()
    {
        await Gate.WaitAsync();
        try
        {
            // Free ports are only free when asked: a parallel test process may take one before Azurite
            // binds it. Such a start fails at once, so try again on fresh ports.
            for (var attempt = 1; _instance is null || _instance._process.HasExited; attempt++)
            {
                try
                {
                    _instance = await StartAsync();
                }
                catch (InvalidOperationException e) when (attempt < 5 && e.Message.Contains("EADDRINUSE", StringComparison.Ordinal))
                {
                    _instance = null;
                }
            }

            return _instance;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<AzuriteServer> StartAsync()
    {
        var root = RepositoryRoot.Path;
        var azurite = System.IO.Path.Combine(root, "node_modules", ".bin", "azurite");
        if (!File.Exists(azurite))
        {
            // Test assemblies run in parallel processes: only one of them may run npm ci.
            using var installLock = await InterProcessLock.AcquireAsync(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "funccloud-npm-ci.lock"));
            if (!File.Exists(azurite))
            {
                await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], root);
            }
        }

        var (blob, queue, table) = (FreePorts.Next(), FreePorts.Next(), FreePorts.Next());
        var dataDir = Directory.CreateTempSubdirectory("funccloud-azurite-").FullName;
        var command = $"'{azurite}' --blobHost 127.0.0.1 --blobPort {blob} --queueHost 127.0.0.1 --queuePort {queue} " +
                      $"--tableHost 127.0.0.1 --tablePort {table} --inMemoryPersistence " +
                      "--skipApiVersionCheck --disableTelemetry --silent --loose";

        // The watchdog: run Azurite in the background and kill it when the test process disappears.
        var script = $"{command} & child=$!; trap 'kill $child 2>/dev/null; rm -rf \"{dataDir}\"; exit 0' TERM INT; " +
                     $"while kill -0 {Environment.ProcessId} 2>/dev/null && kill -0 $child 2>/dev/null; do sleep 1; done; " +
                     $"kill $child 2>/dev/null; wait $child 2>/dev/null; rm -rf \"{dataDir}\"";
        var start = new ProcessStartInfo("bash", ["-c", script]) { WorkingDirectory = dataDir, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start Azurite.");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(process);

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!(await IsListeningAsync(blob) && await IsListeningAsync(queue) && await IsListeningAsync(table)))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                var error = process.HasExited ? await process.StandardError.ReadToEndAsync() : "timed out";
                Stop(process);
                throw new InvalidOperationException($"Azurite did not start: {error}");
            }

            await Task.Delay(100);
        }

        return new AzuriteServer(process, blob, queue, table);
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                // SIGTERM to the watchdog: its trap kills Azurite and removes the data folder.
                Process.Start("kill", ["-TERM", process.Id.ToString()])?.WaitForExit(5000);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static async Task<bool> IsListeningAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static async Task RunAsync(string file, string[] args, string workingDirectory)
    {
        var result = await ProcessRunner.RunAsync(file, args, TimeSpan.FromMinutes(10), workingDirectory);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({result.ExitCode}): {result.StandardError}");
        }
    }
}
