using FuncCloud.Shared.OpenStack.Errors;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FuncCloud.Shared.Compute.Flavors;

/// <summary>
/// Creates devstack's default flavors (m1.tiny .. m1.xlarge, ids 1..5) when missing, before the host
/// serves requests. Idempotent: existing flavors (even changed ones) are left alone, and a concurrent
/// replica creating the same flavor is not an error.
/// </summary>
public sealed partial class FlavorBootstrapper(IFlavorStore flavors, IOptions<ComputeFlavorOptions> options, TimeProvider time, ILogger<FlavorBootstrapper> logger) : IHostedService
{
    /// <summary>devstack's defaults.</summary>
    public static readonly IReadOnlyList<(string Id, string Name, int Vcpus, int RamMb, int DiskGb)> Defaults =
    [
        ("1", "m1.tiny", 1, 512, 1),
        ("2", "m1.small", 1, 2048, 20),
        ("3", "m1.medium", 2, 4096, 40),
        ("4", "m1.large", 4, 8192, 80),
        ("5", "m1.xlarge", 8, 16384, 160),
    ];

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.CreateDefaults)
        {
            return;
        }

        var created = 0;
        foreach (var (id, name, vcpus, ram, disk) in Defaults)
        {
            if (await flavors.FindAsync(id, cancellationToken) is not null)
            {
                continue;
            }

            try
            {
                await flavors.CreateAsync(new Flavor(id, name, vcpus, ram, disk, 0, 0, 1.0, true, false, null, new Dictionary<string, string>(), [], time.GetUtcNow()), cancellationToken);
                created++;
            }
            catch (ConflictException)
            {
                // Another replica created it, or an operator took the name: either way there is nothing to do.
            }
        }

        LogBootstrapped(logger, created);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Compute flavors bootstrapped: {created} default flavors created")]
    private static partial void LogBootstrapped(ILogger logger, int created);
}

/// <summary>Flavor options, bound from <c>FuncCloud:Compute:Flavors</c>.</summary>
public sealed class ComputeFlavorOptions
{
    /// <summary>Create devstack's m1.* flavors at startup.</summary>
    public bool CreateDefaults { get; set; } = true;
}
