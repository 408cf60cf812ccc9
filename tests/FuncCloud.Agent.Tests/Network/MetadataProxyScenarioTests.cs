using System.Net;
using System.Text.Json;
using FuncCloud.Agent.Hosting;
using FuncCloud.Agent.Network;
using FuncCloud.Agent.Network.LinuxBridge;
using FuncCloud.Agent.Network.Metadata;
using FuncCloud.Agent.Privileged;
using FuncCloud.Shared.Agents;
using FuncCloud.Shared.Compute.Metadata;
using FuncCloud.Shared.Network.Wiring;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Refit;
using Shouldly;
using Xunit;

namespace FuncCloud.Agent.Tests.Network;

/// <summary>
/// The guest's metadata path on the Linux bridge driver: a "VM" namespace takes its lease, whose classless routes
/// send 169.254.169.254 to the DHCP port; the network's haproxy there forwards to the agent's metadata proxy
/// (a UNIX socket), which names the instance behind the guest's address and signs it for the controller. The
/// controller is a loopback stand-in here that records what it was sent (the real metadata API's answers are
/// covered by the Functions tests); after the test no haproxy, namespace or socket is left.
/// </summary>
public sealed class MetadataProxyScenarioTests
{
    private const string Secret = "scenario-secret";
    private const string InstanceId = "0b8f7d2e-5c1a-4e3b-9a6d-2f4c8e1b7a90";
    private const string ProjectId = "scenario-project";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [RootFact]
    public async Task GuestAsksTheMetadataAddress_HaproxyAndProxyForwardASignedRequestForItsInstance()
    {
        await using var lab = new NetnsLab();
        var stateFolder = Directory.CreateTempSubdirectory("funccloud-metadata-").FullName;
        var socket = Path.Combine(stateFolder, "metadata-proxy.sock");
        await using var controller = await ControllerStandIn.StartAsync();
        var proxy = Proxy(controller.Address, socket, stateFolder);
        await proxy.StartAsync(CancellationToken.None);

        var hostNs = await lab.NamespaceAsync('h');
        var driver = new LinuxBridgeNetworkDriver(
            new NetworkCommands(new HostCommand(), new LinuxBridgeOptions { HostNamespace = hostNs, MetadataProxySocket = socket }),
            NullLogger<LinuxBridgeNetworkDriver>.Instance);
        var config = new NetworkHostConfig("md-scenario", null, new Dictionary<string, string>(), stateFolder);
        var network = Guid.NewGuid().ToString();
        var vmPort = Guid.NewGuid().ToString();
        var vmMac = NetnsLab.Mac();
        var subnet = new DhcpSubnet(Guid.NewGuid().ToString(), "10.9.0.0/24", 4, "10.9.0.1", [], [], null, null);
        var state = new NetworkHostState(
            "md-scenario",
            1,
            [new WiredNetwork(network, "vxlan", Random.Shared.Next(4096, 1 << 23), null, 1450, [])],
            [new DhcpServerState(network, Guid.NewGuid().ToString(), NetnsLab.Mac(), ["10.9.0.2/24"], 1450, [subnet], [new DhcpHost(vmPort, vmMac, "10.9.0.5", "host-10-9-0-5")])],
            [],
            [new PortState(vmPort, network, vmMac, ["10.9.0.5"], true, [], [new("egress", "IPv4", null, null, null, []), new("ingress", "IPv4", null, null, null, [])])]);
        var routes = Path.Combine(stateFolder, "staticroutes");
        var script = Path.Combine(stateFolder, "udhcpc.sh");
        await File.WriteAllTextAsync(script, $"#!/bin/sh\n[ \"$1\" = bound ] && echo \"$staticroutes\" > {routes}\nexit 0\n");
        await lab.InAsync(null, "chmod", "700", script);
        try
        {
            await driver.InitHostAsync(config, CancellationToken.None);
            await driver.ApplyAsync(state, CancellationToken.None);
            var vm = await lab.VmAsync(hostNs, NetworkDeviceNames.Tap(vmPort), NetworkDeviceNames.Bridge(network), vmMac, 1450);

            // The lease carries the route to the metadata address through the DHCP port (option 121).
            var dnsmasqLog = Path.Combine(stateFolder, "dhcp", network, "dnsmasq.log");
            await Poll.UntilAsync(() => File.Exists(dnsmasqLog) && File.ReadAllText(dnsmasqLog).Contains("DHCP, static leases only", StringComparison.Ordinal), "dnsmasq serving", Wait);
            await lab.InAsync(vm, "busybox", "udhcpc", "-i", "eth0", "-f", "-q", "-n", "-t", "20", "-T", "1", "-O", "staticroutes", "-s", script);
            (await File.ReadAllTextAsync(routes)).ShouldContain("169.254.169.254/32 10.9.0.2");
            await lab.InAsync(vm, "ip", "addr", "add", "10.9.0.5/24", "dev", "eth0");
            await lab.InAsync(vm, "ip", "route", "add", "169.254.169.254/32", "via", "10.9.0.2");

            // A forged X-Forwarded-For from the guest does not change who it is: haproxy appends the real address.
            var answer = await Poll.UntilAsync(
                async () => (await lab.TryInAsync(vm, "curl", "-sf", "-m", "5", "-H", "X-Forwarded-For: 10.9.0.99", "http://169.254.169.254/openstack/latest/meta_data.json")) is { ExitCode: 0 } r ? r.StandardOutput : null,
                "the guest's metadata request to be answered",
                Wait);
            var seen = JsonDocument.Parse(answer).RootElement;
            seen.GetProperty("path").GetString().ShouldBe("/metadata/openstack/latest/meta_data.json");
            seen.GetProperty("instance").GetString().ShouldBe(InstanceId);
            seen.GetProperty("tenant").GetString().ShouldBe(ProjectId);
            seen.GetProperty("signed").GetBoolean().ShouldBeTrue();
            controller.Lookups.ShouldContain($"{network} 10.9.0.5");
            controller.Lookups.ShouldNotContain(l => l.EndsWith("10.9.0.99", StringComparison.Ordinal));
        }
        finally
        {
            await driver.ApplyAsync(NetworkHostState.Empty("md-scenario"), CancellationToken.None);
            await proxy.StopAsync(CancellationToken.None);
            await proxy.DisposeAsync();
        }

        NetnsLab.ProcessesMentioning(stateFolder).ShouldBeEmpty("no haproxy or dnsmasq is left");
        (await lab.MachineNamespacesAsync()).ShouldNotContain(NetworkDeviceNames.DhcpNamespace(network));
        Directory.Delete(stateFolder, recursive: true);
    }

    private static MetadataProxyServer Proxy(Uri controller, string socket, string stateFolder)
    {
        var options = Options.Create(new MetadataProxyOptions { SharedSecret = Secret, SocketPath = socket });
        var agent = Options.Create(new AgentOptions { NodeName = "md-scenario", StateFolder = stateFolder });
        var instances = RestService.For<IMetadataInstanceApi>(
            new HttpClient { BaseAddress = controller },
            new RefitSettings(new SystemTextJsonContentSerializer(AgentJson.Options)));
        var clients = new ServiceCollection().AddHttpClient(MetadataProxy.HttpClientName, c => c.BaseAddress = controller).Services.BuildServiceProvider();
        var proxy = new MetadataProxy(instances, clients.GetRequiredService<IHttpClientFactory>(), options, agent, TimeProvider.System, NullLogger<MetadataProxy>.Instance);
        return new MetadataProxyServer(proxy, options, agent, NullLogger<MetadataProxyServer>.Instance);
    }

    /// <summary>The controller's two routes the proxy calls, answering for one instance and echoing what it received.</summary>
    private sealed class ControllerStandIn : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private ControllerStandIn(WebApplication app) => _app = app;

        public Uri Address => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

        public List<string> Lookups { get; } = [];

        public static async Task<ControllerStandIn> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            var standIn = new ControllerStandIn(app);
            app.MapGet("/" + MetadataRoutes.Instance, (HttpRequest req) =>
            {
                var (network, ip) = (req.Query["network_id"].ToString(), req.Query["ip"].ToString());
                lock (standIn.Lookups)
                {
                    standIn.Lookups.Add($"{network} {ip}");
                }

                return ip == "10.9.0.5"
                    ? Results.Json(new MetadataInstance(InstanceId, ProjectId), AgentJson.Options)
                    : Results.NotFound();
            });
            app.MapGet("/metadata/{**path}", (HttpRequest req) =>
            {
                var instance = req.Headers[MetadataRoutes.InstanceIdHeader].ToString();
                return Results.Json(new Dictionary<string, object>
                {
                    ["path"] = req.Path.Value!,
                    ["instance"] = instance,
                    ["tenant"] = req.Headers[MetadataRoutes.TenantIdHeader].ToString(),
                    ["signed"] = MetadataSignature.Verify(Secret, instance, req.Headers[MetadataRoutes.SignatureHeader].ToString()),
                });
            });
            await app.StartAsync();
            return standIn;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
