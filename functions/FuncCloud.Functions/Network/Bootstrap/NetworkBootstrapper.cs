using System.Text.Json.Nodes;
using FuncCloud.Functions.Identity.Bootstrap;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Services;
using FuncCloud.Functions.Identity.Storage;
using FuncCloud.Functions.Network.Services;
using FuncCloud.Shared.Network;
using FuncCloud.Shared.Security;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FuncCloud.Functions.Network.Bootstrap;

/// <summary>
/// What devstack makes: the external network <c>public</c> (flat, on the agent's own bridge) with a subnet,
/// a shared default subnet pool, and for the demo project a <c>private</c> network, subnet and
/// <c>router1</c> with its gateway on <c>public</c>. Idempotent: each is looked up by name first. Runs
/// after Identity's bootstrapper (registered later), which creates the projects.
/// </summary>
public sealed partial class NetworkBootstrapper(
    IdentityLookup identity,
    NetworkStore store,
    NetworkKind networks,
    SubnetKind subnets,
    SubnetPoolKind pools,
    RouterKind routers,
    RouterInterfaces interfaces,
    IOptions<NetworkBootstrapOptions> options,
    ILogger<NetworkBootstrapper> logger) : IHostedService
{
    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Enabled)
        {
            await EnsureAsync(cancellationToken);
        }
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Creates whatever is missing.</summary>
    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var admin = await identity.FindByNameAsync<Project>(IdentityKinds.Project, IdentityBootstrapper.DefaultDomainId, "admin", cancellationToken);
        var demo = await identity.FindByNameAsync<Project>(IdentityKinds.Project, IdentityBootstrapper.DefaultDomainId, settings.DemoProject, cancellationToken);
        if (admin is null || demo is null)
        {
            LogNoProject(logger);
            return;
        }

        var asAdmin = Context(admin.Id, admin.Value.Name);
        var asDemo = Context(demo.Id, demo.Value.Name);
        var publicNet = await FindAsync(ResourceKindNames.Network, "public", admin.Id, cancellationToken)
            ?? await networks.CreateAsync(asAdmin, new JsonObject
            {
                ["name"] = "public", ["router:external"] = true, ["provider:network_type"] = "flat", ["provider:physical_network"] = "public",
            }, cancellationToken);
        if (await FindAsync(ResourceKindNames.Subnet, "public-subnet", admin.Id, cancellationToken) is null)
        {
            await subnets.CreateAsync(asAdmin, new JsonObject
            {
                ["name"] = "public-subnet", ["network_id"] = publicNet.Id(), ["ip_version"] = 4, ["cidr"] = settings.PublicCidr, ["enable_dhcp"] = false,
            }, cancellationToken);
        }

        if (await FindAsync(ResourceKindNames.SubnetPool, "shared-default-subnetpool-v4", admin.Id, cancellationToken) is null)
        {
            await pools.CreateAsync(asAdmin, new JsonObject
            {
                ["name"] = "shared-default-subnetpool-v4", ["prefixes"] = new JsonArray(settings.DefaultPoolPrefix), ["default_prefixlen"] = 24,
                ["shared"] = true, ["is_default"] = true,
            }, cancellationToken);
        }

        var privateNet = await FindAsync(ResourceKindNames.Network, "private", demo.Id, cancellationToken)
            ?? await networks.CreateAsync(asDemo, new JsonObject { ["name"] = "private" }, cancellationToken);
        var privateSubnet = await FindAsync(ResourceKindNames.Subnet, "private-subnet", demo.Id, cancellationToken)
            ?? await subnets.CreateAsync(asDemo, new JsonObject
            {
                ["name"] = "private-subnet", ["network_id"] = privateNet.Id(), ["ip_version"] = 4, ["cidr"] = settings.PrivateCidr,
            }, cancellationToken);
        if (await FindAsync(ResourceKindNames.Router, "router1", demo.Id, cancellationToken) is null)
        {
            var router = await routers.CreateAsync(asDemo, new JsonObject
            {
                ["name"] = "router1", ["external_gateway_info"] = new JsonObject { ["network_id"] = publicNet.Id() },
            }, cancellationToken);
            await interfaces.AddAsync(asDemo, router.Id(), new JsonObject { ["subnet_id"] = privateSubnet.Id() }, cancellationToken);
        }

        LogReady(logger, publicNet.Id(), privateNet.Id());
    }

    private async Task<JsonObject?> FindAsync(string kind, string name, string projectId, CancellationToken cancellationToken) =>
        (await store.ListAsync(kind, cancellationToken)).Select(r => r.Body).FirstOrDefault(b => b.Str("name") == name && b.Project() == projectId);

    // The bootstrap acts as the cloud admin inside each project, as devstack's admin credentials do.
    private static RequestContext Context(string projectId, string projectName) => new(
        "req-bootstrap", "bootstrap", "bootstrap", IdentityBootstrapper.DefaultDomainId, ScopeType.Project, projectId, projectName,
        IdentityBootstrapper.DefaultDomainId, null, ["admin", "member", "reader"], ["password"], null, DateTimeOffset.MaxValue);

    [LoggerMessage(EventId = 4501, Level = LogLevel.Information, Message = "Networks ready: public {publicNetworkId}, private {privateNetworkId}")]
    private static partial void LogReady(ILogger logger, string publicNetworkId, string privateNetworkId);

    [LoggerMessage(EventId = 4502, Level = LogLevel.Warning, Message = "Networks not created: the admin or demo project does not exist")]
    private static partial void LogNoProject(ILogger logger);
}
