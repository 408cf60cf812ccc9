using System.Text.Json.Serialization;

namespace FuncCloud.Agent.Api;

// The Keystone v3 password-authentication wire format (POST /v3/auth/tokens), project-scoped.

/// <summary>The body of <c>POST /v3/auth/tokens</c>.</summary>
public sealed record KeystoneAuthRequest(KeystoneAuth Auth);

public sealed record KeystoneAuth(KeystoneIdentity Identity, KeystoneScope Scope);

public sealed record KeystoneIdentity(IReadOnlyList<string> Methods, KeystonePasswordMethod Password);

public sealed record KeystonePasswordMethod(KeystoneUser User);

public sealed record KeystoneUser(string Name, KeystoneNamed Domain, string Password);

public sealed record KeystoneNamed(string Name);

public sealed record KeystoneScope(KeystoneProject Project);

public sealed record KeystoneProject(string Name, KeystoneNamed Domain);

/// <summary>The part of the token response the agent needs (the token itself is in <c>X-Subject-Token</c>).</summary>
public sealed record KeystoneTokenResponse(KeystoneTokenBody Token);

public sealed record KeystoneTokenBody([property: JsonPropertyName("expires_at")] DateTimeOffset ExpiresAt);
