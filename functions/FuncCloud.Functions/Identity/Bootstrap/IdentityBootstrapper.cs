using System.Text.Json.Nodes;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Services;
using FuncCloud.Functions.Identity.Storage;
using FuncCloud.Shared.Security.Fernet;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FuncCloud.Functions.Identity.Bootstrap;

/// <summary>
/// <c>keystone-manage bootstrap</c>, idempotent, run before the host accepts requests: the Default domain,
/// roles admin ⊃ member ⊃ reader, the admin and demo projects and users, the region, and a service with
/// public/internal/admin endpoints for every registered <see cref="CatalogServiceDefinition"/>.
/// Running it again changes nothing except passwords or endpoint URLs that differ from the options.
/// </summary>
public sealed partial class IdentityBootstrapper(
    IdentityStore store,
    IdentityLookup lookup,
    DomainService domains,
    RoleService roles,
    UserService users,
    AssignmentService assignments,
    CatalogAdminService catalog,
    PasswordHasher hasher,
    FernetKeyRepository keys,
    IEnumerable<CatalogServiceDefinition> services,
    IOptions<BootstrapOptions> options,
    ILogger<IdentityBootstrapper> logger) : IHostedService
{
    /// <summary>The id of the Default domain.</summary>
    public const string DefaultDomainId = "default";

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Enabled)
        {
            await BootstrapAsync(cancellationToken);
        }
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Creates whatever is missing.</summary>
    public async Task BootstrapAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await keys.GetKeysAsync(cancellationToken);
        if (await store.GetAsync<Domain>(IdentityKinds.Domain, DefaultDomainId, cancellationToken) is null)
        {
            await domains.CreateAsync(null, new JsonObject { ["name"] = "Default", ["description"] = "The default domain" }, DefaultDomainId, cancellationToken);
        }

        var reader = await RoleAsync("reader", cancellationToken);
        var member = await RoleAsync("member", cancellationToken);
        var admin = await RoleAsync("admin", cancellationToken);
        await roles.CreateImplicationAsync(null, admin.Id, member.Id, cancellationToken);
        await roles.CreateImplicationAsync(null, member.Id, reader.Id, cancellationToken);

        var adminProject = await ProjectAsync("admin", "Bootstrap project for initializing the cloud.", cancellationToken);
        var demoProject = await ProjectAsync("demo", "Demo project.", cancellationToken);
        if (await UserAsync("admin", settings.AdminPassword, cancellationToken) is { } adminUser)
        {
            await assignments.GrantAsync(null, new GrantTarget(TargetTypes.Project, adminProject.Id, ActorTypes.User, adminUser.Id, admin.Id, false), cancellationToken);
            await assignments.GrantAsync(null, new GrantTarget(TargetTypes.System, TargetTypes.SystemAll, ActorTypes.User, adminUser.Id, admin.Id, false), cancellationToken);
        }

        if (await UserAsync("demo", settings.DemoPassword, cancellationToken) is { } demoUser)
        {
            await assignments.GrantAsync(null, new GrantTarget(TargetTypes.Project, demoProject.Id, ActorTypes.User, demoUser.Id, member.Id, false), cancellationToken);
        }

        // Node agents: least privilege, the service role on the service project (compute's node API accepts it).
        var serviceProject = await ProjectAsync("service", "Service users (node agents).", cancellationToken);
        var serviceRole = await RoleAsync("service", cancellationToken);
        if (await UserAsync("funccloud-agent", settings.AgentPassword, cancellationToken) is { } agentUser)
        {
            await assignments.GrantAsync(null, new GrantTarget(TargetTypes.Project, serviceProject.Id, ActorTypes.User, agentUser.Id, serviceRole.Id, false), cancellationToken);
        }

        // Swift's reseller admin (account quotas, every account), as devstack makes it for swift.
        await RoleAsync("ResellerAdmin", cancellationToken);

        await CatalogAsync(settings, cancellationToken);
        LogBootstrapped(logger, settings.Region, settings.PublicEndpoint);
    }

    private async Task<Role> RoleAsync(string name, CancellationToken cancellationToken)
    {
        var id = await store.FindByKeyAsync(IdentityKinds.Role, RoleService.RoleKey(null, name), cancellationToken);
        return id is not null
            ? (await lookup.RequireAsync<Role>(IdentityKinds.Role, id, cancellationToken)).Value
            : await roles.CreateAsync(null, new JsonObject { ["name"] = name }, cancellationToken);
    }

    private async Task<Project> ProjectAsync(string name, string description, CancellationToken cancellationToken)
    {
        if (await lookup.FindByNameAsync<Project>(IdentityKinds.Project, DefaultDomainId, name, cancellationToken) is { } existing)
        {
            return existing.Value;
        }

        var project = new Project(Guid.NewGuid().ToString("N"), name, DefaultDomainId, description, true, DefaultDomainId, false, []);
        await store.InsertAsync(IdentityKinds.Project, project.Id, project, IdentityLookup.NameKey(DefaultDomainId, name), cancellationToken);
        return project;
    }

    private async Task<User?> UserAsync(string name, string? password, CancellationToken cancellationToken)
    {
        var existing = await lookup.FindByNameAsync<User>(IdentityKinds.User, DefaultDomainId, name, cancellationToken);
        if (existing is null)
        {
            if (string.IsNullOrEmpty(password))
            {
                LogNoPassword(logger, name);
                return null;
            }

            return await users.CreateAsync(null, new JsonObject { ["name"] = name, ["password"] = password, ["domain_id"] = DefaultDomainId }, cancellationToken);
        }

        if (!string.IsNullOrEmpty(password) && !hasher.Verify(password, existing.Value.PasswordHash))
        {
            var updated = existing.Value with { PasswordHash = hasher.Hash(password), Enabled = true, FailedAuthCount = 0 };
            await store.ReplaceAsync(IdentityKinds.User, existing, updated, null, null, cancellationToken);
            return updated;
        }

        return existing.Value;
    }

    private async Task CatalogAsync(BootstrapOptions settings, CancellationToken cancellationToken)
    {
        if (await store.GetAsync<Region>(IdentityKinds.Region, settings.Region, cancellationToken) is null)
        {
            await catalog.CreateRegionAsync(null, new JsonObject { ["id"] = settings.Region }, cancellationToken);
        }

        var existingServices = (await store.ListAsync<CatalogService>(IdentityKinds.Service, cancellationToken)).Select(d => d.Value).ToList();
        var endpoints = await store.ListAsync<Endpoint>(IdentityKinds.Endpoint, cancellationToken);
        foreach (var definition in services)
        {
            var service = existingServices.FirstOrDefault(s => s.Type == definition.Type)
                ?? await catalog.CreateServiceAsync(null, new JsonObject { ["type"] = definition.Type, ["name"] = definition.Name }, cancellationToken);
            var url = $"{settings.PublicEndpoint.TrimEnd('/')}/{definition.Path.Trim('/')}";
            foreach (var kind in new[] { "public", "internal", "admin" })
            {
                var endpoint = endpoints.FirstOrDefault(e => e.Value.ServiceId == service.Id && e.Value.Interface == kind && e.Value.RegionId == settings.Region);
                if (endpoint is null)
                {
                    await catalog.CreateEndpointAsync(null, new JsonObject { ["service_id"] = service.Id, ["interface"] = kind, ["url"] = url, ["region_id"] = settings.Region }, cancellationToken);
                }
                else if (endpoint.Value.Url != url)
                {
                    await store.ReplaceAsync(IdentityKinds.Endpoint, endpoint, endpoint.Value with { Url = url }, null, null, cancellationToken);
                }
            }
        }
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Identity bootstrapped: region {region}, endpoints under {publicEndpoint}")]
    private static partial void LogBootstrapped(ILogger logger, string region, string publicEndpoint);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Bootstrap: no password configured for user {userName}; the user is not created")]
    private static partial void LogNoPassword(ILogger logger, string userName);
}
