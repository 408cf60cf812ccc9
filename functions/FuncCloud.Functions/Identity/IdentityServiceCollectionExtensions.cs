using Azure.Data.Tables;
using FuncCloud.Functions.Identity.Api;
using FuncCloud.Functions.Identity.Bootstrap;
using FuncCloud.Functions.Identity.Services;
using FuncCloud.Functions.Identity.Storage;
using FuncCloud.Functions.Identity.Tokens;
using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.Security;
using FuncCloud.Shared.Security.Fernet;
using FuncCloud.Shared.Security.Policy;
using FuncCloud.Shared.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using FuncCloud.Shared.OpenStack.Errors;

namespace FuncCloud.Functions.Identity;

/// <summary>DI registration of Identity (Keystone v3) and of the shared token validation and policy engine.</summary>
public static class IdentityServiceCollectionExtensions
{
    /// <summary>
    /// Binds <c>FuncCloud:Identity</c>, <c>FuncCloud:Identity:Fernet</c>, <c>FuncCloud:Policy</c> and
    /// <c>FuncCloud:Bootstrap</c>; registers <see cref="IRequestAuthenticator"/>, <see cref="PolicyEnforcer"/>
    /// and the bootstrapper (a hosted service: it completes before the host serves requests).
    /// </summary>
    public static IServiceCollection AddFuncCloudIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<IdentityOptions>(configuration.GetSection("FuncCloud:Identity"));
        services.AddErrorShape(IdentityRoutes.Root, KeystoneErrorBodyFormatter.Instance);
        services.Configure<FernetOptions>(configuration.GetSection("FuncCloud:Identity:Fernet"));
        services.Configure<PolicyOptions>(configuration.GetSection("FuncCloud:Policy"));
        services.Configure<BootstrapOptions>(configuration.GetSection("FuncCloud:Bootstrap"));
        services.TryAddSingleton(TimeProvider.System);

        // Shared by every service: token → RequestContext, and policy.
        services.AddSingleton<IPolicyDefaults, BasePolicyDefaults>();
        services.AddSingleton<IPolicyDefaults, IdentityPolicyDefaults>();
        services.AddSingleton<PolicyEnforcer>();
        services.AddSingleton<RequestAuthenticator>();
        services.AddSingleton<IRequestAuthenticator>(sp => sp.GetRequiredService<RequestAuthenticator>());

        services.AddSingleton<FernetKeyRepository>();
        services.AddSingleton(sp => new IdentityRevision(IdentityTable(sp), sp.GetRequiredService<IOptions<IdentityOptions>>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new IdentityStore(IdentityTable(sp), sp.GetRequiredService<IdentityRevision>()));
        services.AddSingleton<IdentitySnapshotCache>();
        services.AddSingleton<TokenProvider>();
        services.AddSingleton<TokenScopeResolver>();
        services.AddSingleton<TokenValidator>();
        services.AddSingleton<RevocationService>();
        services.AddSingleton<AuthenticationService>();
        services.AddSingleton<FailedPasswordLimiter>();
        services.AddSingleton<PasswordHasher>();
        services.AddSingleton<IdentityLookup>();
        services.AddSingleton<IdentityPolicies>();
        services.AddSingleton<DomainService>();
        services.AddSingleton<ProjectService>();
        services.AddSingleton<UserService>();
        services.AddSingleton<GroupService>();
        services.AddSingleton<RoleService>();
        services.AddSingleton<AssignmentService>();
        services.AddSingleton<RoleAssignmentQuery>();
        services.AddSingleton<CatalogAdminService>();
        services.AddSingleton<ApplicationCredentialService>();
        services.AddSingleton<IdentityHttp>();
        services.AddSingleton<TokenService>();

        services.AddSingleton(new CatalogServiceDefinition("identity", "keystone", IdentityRoutes.Root));
        services.AddSingleton<IdentityBootstrapper>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<IdentityBootstrapper>());
        return services;
    }

    private static DocumentTable IdentityTable(IServiceProvider services) =>
        new(services.GetRequiredService<TableServiceClient>(), services.GetRequiredService<StorageNames>(), "Identity", OpenStackJson.Storage);
}
