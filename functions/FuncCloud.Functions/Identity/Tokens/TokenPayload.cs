using FuncCloud.Shared.Security;

namespace FuncCloud.Functions.Identity.Tokens;

/// <summary>Authentication methods, as token bodies name them.</summary>
public static class AuthMethods
{
    public const string Password = "password";
    public const string Token = "token";
    public const string ApplicationCredential = "application_credential";

    /// <summary>All methods, in their bit order in the payload.</summary>
    public static readonly IReadOnlyList<string> All = [Password, Token, ApplicationCredential];
}

/// <summary>What a Fernet token carries (everything else is looked up at validation time).</summary>
public sealed record TokenPayload(
    string UserId,
    IReadOnlyList<string> Methods,
    ScopeType Scope,
    string? ScopeId,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt,
    IReadOnlyList<string> AuditIds,
    string? ApplicationCredentialId)
{
    /// <summary>The token's own audit id.</summary>
    public string AuditId => AuditIds[0];

    /// <summary>The audit id of the first token of the chain (itself when it was not rescoped from another).</summary>
    public string AuditChainId => AuditIds[^1];
}
