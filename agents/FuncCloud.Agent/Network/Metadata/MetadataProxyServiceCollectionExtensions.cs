using FuncCloud.Agent.Api;
using FuncCloud.Agent.Hosting;
using FuncCloud.Agent.Network.LinuxBridge;
using FuncCloud.Shared.Agents;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Refit;

namespace FuncCloud.Agent.Network.Metadata;

/// <summary>Registers the node's metadata proxy.</summary>
public static class MetadataProxyServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="MetadataProxyOptions"/>, the controller clients (the Keystone-authenticated instance lookup and
    /// the plain metadata client) and the hosted <see cref="MetadataProxyServer"/> (idle without a shared secret).
    /// </summary>
    public static IServiceCollection AddMetadataProxy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MetadataProxyOptions>().Bind(configuration.GetSection(MetadataProxyOptions.SectionName));
        // The Linux bridge driver points each network's haproxy at the proxy's socket, when there is a proxy.
        services.AddOptions<LinuxBridgeOptions>().PostConfigure<IOptions<MetadataProxyOptions>, IOptions<AgentOptions>>((bridge, metadata, agent) =>
        {
            if (!string.IsNullOrEmpty(metadata.Value.SharedSecret))
            {
                bridge.MetadataProxySocket ??= MetadataProxyServer.SocketPath(metadata.Value, agent.Value);
            }
        });
        services.AddRefitGeneratedClient<IMetadataInstanceApi>(new RefitSettings(new SystemTextJsonContentSerializer(AgentJson.Options)))
            .ConfigureHttpClient(ConfigureClient)
            .AddHttpMessageHandler<KeystoneAuthHandler>();
        services.AddHttpClient(MetadataProxy.HttpClientName, ConfigureClient);
        services.TryAddSingleton<MetadataProxy>();
        services.AddHostedService<MetadataProxyServer>();
        return services;
    }

    private static void ConfigureClient(IServiceProvider services, HttpClient client)
    {
        var api = services.GetRequiredService<IOptions<AgentApiOptions>>().Value;
        client.BaseAddress = api.Endpoint ?? new Uri("http://api-endpoint-not-configured.invalid");
        client.Timeout = api.RequestTimeout;
    }
}
