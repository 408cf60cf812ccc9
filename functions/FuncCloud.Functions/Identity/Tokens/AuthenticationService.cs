using System.Text.Json.Nodes;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Services;
using FuncCloud.Functions.Identity.Storage;
using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FuncCloud.Functions.Identity.Tokens;

/// <summary>An issued token and what it resolved to.</summary>
public sealed record IssuedToken(string Token, ValidatedToken Details);

/// <summary>
/// <c>POST /v3/auth/tokens</c>: authenticates the methods of the request (password, token,
/// application_credential), resolves the requested scope and issues a Fernet token.
/// </summary>
public sealed partial class AuthenticationService(
    IdentityStore store,
    IdentityLookup lookup,
    PasswordHasher hasher,
    FailedPasswordLimiter limiter,
    TokenProvider provider,
    TokenValidator validator,
    TokenScopeResolver resolver,
    IdentitySnapshotCache snapshots,
    IOptions<IdentityOptions> options,
    TimeProvider clock,
    ILogger<AuthenticationService> logger)
{
    private const string Denied = "The request you have made requires authentication.";

    /// <summary>Authenticates <paramref name="auth"/> (the <c>auth</c> object of the body) and issues a token.</summary>
    /// <exception cref="BadRequestException">The body is malformed.</exception>
    /// <exception cref="UnauthorizedException">Authentication failed (one message whatever the reason).</exception>
    /// <exception cref="TooManyRequestsException">Too many failed passwords for the user or from <paramref name="sourceAddress"/>.</exception>
    public async Task<IssuedToken> AuthenticateAsync(JsonObject auth, string? sourceAddress, CancellationToken cancellationToken)
    {
        var identity = auth.RequireObject("identity");
        var methods = identity.OptionalStringList("methods") is { Count: > 0 } m ? m : throw JsonRequest.Invalid("methods", identity["methods"], "non-empty array");
        if (methods.Count != 1 || !AuthMethods.All.Contains(methods[0]))
        {
            throw new UnauthorizedException($"Unsupported authentication methods: {string.Join(", ", methods)}.");
        }

        var now = clock.GetUtcNow();
        var expires = now + options.Value.TokenExpiration;
        var auditIds = new List<string> { TokenProvider.NewAuditId() };
        IReadOnlyList<string> tokenMethods = methods;
        User user;
        ApplicationCredential? credential = null;
        switch (methods[0])
        {
            case AuthMethods.Password:
                user = await PasswordAsync(identity.RequireObject(AuthMethods.Password).RequireObject("user"), sourceAddress, cancellationToken);
                break;
            case AuthMethods.Token:
                var original = await validator.ValidateAsync(identity.RequireObject(AuthMethods.Token).RequireString("id", 8192), cancellationToken);
                if (original.ApplicationCredential is not null)
                {
                    throw new ForbiddenException("A token created with an application credential cannot be rescoped.");
                }

                user = original.User;
                expires = original.Payload.ExpiresAt;
                auditIds.Add(original.Payload.AuditChainId);
                tokenMethods = original.Payload.Methods.Union([AuthMethods.Token]).ToList();
                break;
            default:
                (user, credential) = await ApplicationCredentialAsync(identity.RequireObject(AuthMethods.ApplicationCredential), cancellationToken);
                if (credential.ExpiresAt is { } credentialExpiry && credentialExpiry < expires)
                {
                    expires = credentialExpiry;
                }

                break;
        }

        var (scope, scopeId) = credential is not null
            ? (ScopeType.Project, credential.ProjectId)
            : await ScopeAsync(auth, user, cancellationToken);
        // The issue response shows the expiry as the token stores it, so a later validation returns the same body.
        var payload = new TokenPayload(user.Id, tokenMethods, scope, scopeId, now, TokenPayloadSerializer.AsStored(expires), auditIds, credential?.Id);
        var details = await resolver.ResolveAsync(payload, await snapshots.GetAsync(cancellationToken), cancellationToken);
        LogIssued(logger, user.Id, scope, scopeId);
        return new IssuedToken(await provider.IssueAsync(payload, cancellationToken), details);
    }

    private async Task<User> PasswordAsync(JsonObject body, string? sourceAddress, CancellationToken cancellationToken)
    {
        var password = body.RequireString("password", 4096);
        var document = await FindUserAsync(body, cancellationToken);
        var user = document?.Value;
        var lockout = options.Value;
        if (user is not null && lockout.LockoutFailureAttempts > 0 && user.FailedAuthCount >= lockout.LockoutFailureAttempts &&
            user.LastFailedAuthAt + lockout.LockoutDuration > clock.GetUtcNow())
        {
            LogLockedOut(logger, user.Id);
            throw new UnauthorizedException($"The account is locked for user: {user.Id}.");
        }

        // Before the (expensive) hash: an unknown user is limited by the name it was asked as.
        FailedPasswordLimiter.Lease lease;
        try
        {
            lease = limiter.Acquire(user?.Id ?? UnknownUserKey(body), sourceAddress);
        }
        catch (TooManyRequestsException)
        {
            LogLimited(logger, user?.Id ?? "(unknown)", sourceAddress ?? "(unknown)");
            throw;
        }

        if (!hasher.Verify(password, user?.PasswordHash) || user is null || !user.Enabled)
        {
            if (document is not null && lockout.LockoutFailureAttempts > 0)
            {
                await RecordFailureAsync(document, cancellationToken);
            }

            LogFailed(logger, user?.Id ?? "(unknown)");
            throw new UnauthorizedException(Denied);
        }

        FailedPasswordLimiter.Succeeded(lease);
        if (user.FailedAuthCount > 0)
        {
            await TryReplaceAsync(document!, user with { FailedAuthCount = 0, LastFailedAuthAt = null }, cancellationToken);
        }

        return user;
    }

    private static string UnknownUserKey(JsonObject body)
    {
        var domain = body.OptionalObject("domain");
        return $"{body.OptionalString("id") ?? body.OptionalString("name")}@{domain?.OptionalString("id") ?? domain?.OptionalString("name")}";
    }

    private async Task<Shared.Storage.Document<User>?> FindUserAsync(JsonObject body, CancellationToken cancellationToken)
    {
        if (body.OptionalString("id") is { } id)
        {
            return await store.GetAsync<User>(IdentityKinds.User, id, cancellationToken);
        }

        var name = body.RequireString("name");
        var domainBody = body.OptionalObject("domain") ?? throw new UnauthorizedException("A user name needs a domain (id or name).");
        try
        {
            var domain = await lookup.DomainAsync(domainBody.OptionalString("id"), domainBody.OptionalString("name"), cancellationToken);
            return await lookup.FindByNameAsync<User>(IdentityKinds.User, domain.Id, name, cancellationToken);
        }
        catch (ResourceNotFoundException)
        {
            return null;
        }
    }

    private async Task RecordFailureAsync(Shared.Storage.Document<User> document, CancellationToken cancellationToken)
    {
        var user = document.Value;
        await TryReplaceAsync(document, user with { FailedAuthCount = user.FailedAuthCount + 1, LastFailedAuthAt = clock.GetUtcNow() }, cancellationToken);
    }

    private async Task TryReplaceAsync(Shared.Storage.Document<User> document, User updated, CancellationToken cancellationToken)
    {
        try
        {
            await store.ReplaceAsync(IdentityKinds.User, document, updated, null, null, cancellationToken);
        }
        catch (Shared.Storage.ConcurrencyException)
        {
            // A concurrent attempt updated the counter: losing one count is harmless.
        }
    }

    private async Task<(User User, ApplicationCredential Credential)> ApplicationCredentialAsync(JsonObject body, CancellationToken cancellationToken)
    {
        var secret = body.RequireString("secret", 4096);
        ApplicationCredential? credential = null;
        if (body.OptionalString("id") is { } id)
        {
            credential = (await store.GetAsync<ApplicationCredential>(IdentityKinds.ApplicationCredential, id, cancellationToken))?.Value;
        }
        else if (body.OptionalString("name") is { } name && body.OptionalObject("user") is { } userBody)
        {
            var owner = (await FindUserAsync(userBody, cancellationToken))?.Value;
            var credentialId = owner is null ? null : await store.FindByKeyAsync(IdentityKinds.ApplicationCredential, IdentityLookup.NameKey(owner.Id, name), cancellationToken);
            credential = credentialId is null ? null : (await store.GetAsync<ApplicationCredential>(IdentityKinds.ApplicationCredential, credentialId, cancellationToken))?.Value;
        }

        if (!hasher.Verify(secret, credential?.SecretHash) || credential is null || credential.ExpiresAt <= clock.GetUtcNow())
        {
            throw new UnauthorizedException(Denied);
        }

        var user = (await store.GetAsync<User>(IdentityKinds.User, credential.UserId, cancellationToken))?.Value;
        return user is { Enabled: true } ? (user, credential) : throw new UnauthorizedException(Denied);
    }

    private async Task<(ScopeType Scope, string? ScopeId)> ScopeAsync(JsonObject auth, User user, CancellationToken cancellationToken)
    {
        if (auth["scope"] is JsonValue value && value.TryGetValue(out string? text) && text == "unscoped")
        {
            return (ScopeType.Unscoped, null);
        }

        var scope = auth.OptionalObject("scope");
        if (scope is null)
        {
            return user.DefaultProjectId is { } defaultProject && await HasProjectAsync(user, defaultProject, cancellationToken)
                ? (ScopeType.Project, defaultProject)
                : (ScopeType.Unscoped, null);
        }

        try
        {
            if (scope.OptionalObject("project") is { } project)
            {
                if (project.OptionalString("id") is { } projectId)
                {
                    return (ScopeType.Project, projectId);
                }

                var domainBody = project.OptionalObject("domain") ?? throw new BadRequestException("A project name needs a domain (id or name).");
                var domain = await lookup.DomainAsync(domainBody.OptionalString("id"), domainBody.OptionalString("name"), cancellationToken);
                var found = await lookup.FindByNameAsync<Project>(IdentityKinds.Project, domain.Id, project.RequireString("name"), cancellationToken);
                return (ScopeType.Project, found?.Id ?? throw new UnauthorizedException("The requested project does not exist."));
            }

            if (scope.OptionalObject("domain") is { } domainScope)
            {
                var domain = await lookup.DomainAsync(domainScope.OptionalString("id"), domainScope.OptionalString("name"), cancellationToken);
                return (ScopeType.Domain, domain.Id);
            }
        }
        catch (ResourceNotFoundException e)
        {
            throw new UnauthorizedException($"The requested scope does not exist: {e.ResourceId}.");
        }

        if (scope.OptionalObject("system") is { } system && system.OptionalBool("all") == true)
        {
            return (ScopeType.System, TargetTypes.SystemAll);
        }

        throw new BadRequestException("Invalid input for field 'scope': expected project, domain or system.");
    }

    private async Task<bool> HasProjectAsync(User user, string projectId, CancellationToken cancellationToken)
    {
        var project = (await store.GetAsync<Project>(IdentityKinds.Project, projectId, cancellationToken))?.Value;
        return project is { Enabled: true } &&
               (await snapshots.GetAsync(cancellationToken)).EffectiveRoles(user.Id, TargetTypes.Project, project.Id, project.DomainId).Count > 0;
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Issued a token for user {userId} scoped to {scope} {scopeId}")]
    private static partial void LogIssued(ILogger logger, string userId, ScopeType scope, string? scopeId);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Authentication failed for user {userId}")]
    private static partial void LogFailed(ILogger logger, string userId);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "User {userId} is locked out")]
    private static partial void LogLockedOut(ILogger logger, string userId);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Password attempt for user {userId} from {sourceAddress} refused: too many failures")]
    private static partial void LogLimited(ILogger logger, string userId, string sourceAddress);
}
