using FuncCloud.Agent.Api;
using FuncCloud.Agent.Commands.Handlers;
using FuncCloud.Agent.Commands.Handlers.Storage;
using FuncCloud.Agent.Commands;
using FuncCloud.Agent.Compute.ConfigDrive;
using FuncCloud.Agent.Compute.Fake;
using FuncCloud.Agent.Compute.Libvirt;
using FuncCloud.Agent.Compute;
using FuncCloud.Agent.Images;
using FuncCloud.Agent.Network;
using FuncCloud.Agent.Network.LinuxBridge;
using FuncCloud.Agent.Network.Metadata;
using FuncCloud.Agent.Nodes;
using FuncCloud.Agent.Privileged;
using FuncCloud.Agent.Queues;
using FuncCloud.Agent.Storage;
using FuncCloud.Shared.Agents;
using FuncCloud.Shared.Image;
using FuncCloud.Shared.Storage;
using FuncCloud.Shared.Volume.Backups;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Refit;

namespace FuncCloud.Agent.Hosting;

/// <summary>DI registration of the node agent.</summary>
public static class AgentServiceCollectionExtensions
{
    /// <summary>The section of <see cref="FakeDriverOptions"/>.</summary>
    public const string FakeSectionName = "FuncCloud:Agent:Fake";

    /// <summary>
    /// Registers the agent: storage clients (<c>AzureWebJobsStorage</c>, <c>FuncCloud:Storage:Prefix</c>),
    /// <see cref="AgentOptions"/> (<c>FuncCloud:Agent</c>), <see cref="AgentApiOptions"/>
    /// (<c>FuncCloud:Agent:Api</c>), <see cref="FakeDriverOptions"/> (<c>FuncCloud:Agent:Fake</c>),
    /// <see cref="LibvirtDriverOptions"/> (<c>FuncCloud:Agent:Libvirt</c>; <c>FuncCloud:Agent:Driver</c> picks the driver), the command
    /// handlers, the Keystone-authenticated <see cref="IComputeNodeApi"/> client and the hosted service
    /// that runs every node. Services registered before this call (e.g. a test's driver factory) win.
    /// </summary>
    public static IServiceCollection AddFuncCloudAgent(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddFuncCloudStorage(configuration);
        services.AddOptions<AgentOptions>().Bind(configuration.GetSection(AgentOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AgentOptions>, AgentOptionsValidator>();
        services.AddOptions<AgentApiOptions>().Bind(configuration.GetSection(AgentApiOptions.SectionName));
        services.AddOptions<FakeDriverOptions>().Bind(configuration.GetSection(FakeSectionName));

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<FakeDriverFactory>();
        services.AddOptions<LibvirtDriverOptions>().Bind(configuration.GetSection(LibvirtDriverOptions.SectionName));
        services.TryAddSingleton<LibvirtDriverFactory>();
        services.TryAddSingleton<IComputeDriverFactory>(sp => sp.GetRequiredService<IOptions<AgentOptions>>().Value.UsesLibvirt
            ? sp.GetRequiredService<LibvirtDriverFactory>()
            : sp.GetRequiredService<FakeDriverFactory>());
        services.TryAddSingleton<INetworkDriverFactory, NetworkDriverFactory>();
        services.AddLinuxBridgeNetworkDriver();
        services.AddMetadataProxy(configuration);
        services.TryAddSingleton<AgentQueuePublisher>();
        services.AddOptions<StorageNodeOptions>().Bind(configuration.GetSection(StorageNodeOptions.SectionName));
        services.TryAddSingleton<HostCommand>();
        services.TryAddSingleton<IVolumeDriverFactory, VolumeDriverFactory>();
        services.TryAddSingleton<VolumeBackupStore>();
        AddHandlers(services);
        AddApi(services);
        services.AddFuncCloudImageCache(configuration);

        services.TryAddSingleton<NodeAgentFactory>();
        services.TryAddSingleton<Fleet.FleetAgent>();
        services.AddHostedService<AgentHostedService>();
        return services;
    }

    private static void AddHandlers(IServiceCollection services)
    {
        services.TryAddEnumerable(
        [
            ServiceDescriptor.Singleton<ICommandHandler, SpawnHandler>(),
            ServiceDescriptor.Singleton<ICommandHandler, DestroyHandler>(),
            ServiceDescriptor.Singleton<ICommandHandler, RebootHandler>(),
            ServiceDescriptor.Singleton<ICommandHandler, PowerOffHandler>(),
            ServiceDescriptor.Singleton<ICommandHandler, PowerOnHandler>(),
            ServiceDescriptor.Singleton<ICommandHandler, PauseHandler>(),
            ServiceDescriptor.Singleton<ICommandHandler, UnpauseHandler>(),
            ServiceDescriptor.Singleton<ICommandHandler, SuspendHandler>(),
            ServiceDescriptor.Singleton<ICommandHandler, ResumeHandler>(),
            ServiceDescriptor.Singleton<ICommandHandler, RebuildHandler>(),
            ServiceDescriptor.Singleton<ICommandHandler, ResizeHandler>(),
            ServiceDescriptor.Singleton<ICommandHandler, ConfirmResizeHandler>(),
            ServiceDescriptor.Singleton<ICommandHandler, RevertResizeHandler>(),
            ServiceDescriptor.Singleton<ICommandHandler, ConsoleOutputHandler>(),
            ServiceDescriptor.Singleton<ICommandHandler, SnapshotHandler>(),
            ServiceDescriptor.Singleton<ICommandHandler, AttachVolumeHandler>(),
            ServiceDescriptor.Singleton<ICommandHandler, DetachVolumeHandler>(),
            ServiceDescriptor.Singleton<ICommandHandler, AttachInterfaceHandler>(),
            ServiceDescriptor.Singleton<ICommandHandler, DetachInterfaceHandler>(),
            ServiceDescriptor.Singleton<ICommandHandler, CreateVolumeHandler>(),
            ServiceDescriptor.Singleton<ICommandHandler, DeleteVolumeHandler>(),
            ServiceDescriptor.Singleton<ICommandHandler, ExtendVolumeHandler>(),
            ServiceDescriptor.Singleton<ICommandHandler, CreateVolumeSnapshotHandler>(),
            ServiceDescriptor.Singleton<ICommandHandler, DeleteVolumeSnapshotHandler>(),
            ServiceDescriptor.Singleton<ICommandHandler, ExportVolumeHandler>(),
            ServiceDescriptor.Singleton<ICommandHandler, UnexportVolumeHandler>(),
            ServiceDescriptor.Singleton<ICommandHandler, BackupVolumeHandler>(),
            ServiceDescriptor.Singleton<ICommandHandler, RestoreVolumeBackupHandler>(),
            ServiceDescriptor.Singleton<ICommandHandler, UploadVolumeToImageHandler>(),
        ]);
        services.TryAddSingleton<CommandHandlerRegistry>();
    }

    private static void AddApi(IServiceCollection services)
    {
        services.AddHttpClient(KeystoneTokenProvider.HttpClientName, (sp, client) =>
            client.Timeout = sp.GetRequiredService<IOptions<AgentApiOptions>>().Value.RequestTimeout);
        services.TryAddSingleton<KeystoneTokenProvider>();
        services.TryAddTransient<KeystoneAuthHandler>();
        services.AddRefitGeneratedClient<IComputeNodeApi>(new RefitSettings(new SystemTextJsonContentSerializer(AgentJson.Options)))
            .ConfigureHttpClient(ConfigureApiClient)
            .AddHttpMessageHandler<KeystoneAuthHandler>();

        services.AddRefitGeneratedClient<IConfigDriveApi>(new RefitSettings(new SystemTextJsonContentSerializer(AgentJson.Options)))
            .ConfigureHttpClient(ConfigureApiClient)
            .AddHttpMessageHandler<KeystoneAuthHandler>();
        services.TryAddSingleton<ConfigDriveFetcher>();

        services.AddRefitGeneratedClient<INetworkStateApi>(new RefitSettings(new SystemTextJsonContentSerializer(AgentJson.Options)))
            .ConfigureHttpClient(ConfigureApiClient)
            .AddHttpMessageHandler<KeystoneAuthHandler>();

        // Image bytes stream for minutes: no overall timeout, cancellation comes from the caller.
        services.AddRefitGeneratedClient<IImageApi>()
            .ConfigureHttpClient((sp, client) =>
            {
                ConfigureApiClient(sp, client);
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddHttpMessageHandler<KeystoneAuthHandler>();
    }

    private static void ConfigureApiClient(IServiceProvider services, HttpClient client)
    {
        var api = services.GetRequiredService<IOptions<AgentApiOptions>>().Value;
        // Without an endpoint the heartbeat never runs; the placeholder only keeps the client constructible.
        client.BaseAddress = api.Endpoint ?? new Uri("http://api-endpoint-not-configured.invalid");
        client.Timeout = api.RequestTimeout;
    }
}
