using FuncCloud.Agent.Privileged;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FuncCloud.Agent.Network.LinuxBridge;

/// <summary>Registers the Linux bridge network driver.</summary>
public static class LinuxBridgeServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="LinuxBridgeNetworkDriver"/> as itself and as the keyed <see cref="INetworkDriver"/>
    /// <see cref="LinuxBridgeNetworkDriver.DriverKey"/>, with <see cref="LinuxBridgeOptions"/> bound from
    /// <see cref="LinuxBridgeOptions.Section"/> (the caller's <paramref name="configure"/> runs after).
    /// </summary>
    public static IServiceCollection AddLinuxBridgeNetworkDriver(this IServiceCollection services, Action<LinuxBridgeOptions>? configure = null)
    {
        var options = services.AddOptions<LinuxBridgeOptions>().BindConfiguration(LinuxBridgeOptions.Section);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton<HostCommand>();
        services.TryAddSingleton(sp => new NetworkCommands(sp.GetRequiredService<HostCommand>(), sp.GetRequiredService<IOptions<LinuxBridgeOptions>>().Value));
        services.TryAddSingleton<LinuxBridgeNetworkDriver>();
        services.TryAddKeyedSingleton<INetworkDriver>(LinuxBridgeNetworkDriver.DriverKey, (sp, _) => sp.GetRequiredService<LinuxBridgeNetworkDriver>());
        return services;
    }
}
