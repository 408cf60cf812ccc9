namespace FuncCloud.Agent.Api;

/// <summary>Keystone refused or failed to issue the agent's token.</summary>
public sealed class KeystoneAuthenticationException(Uri authUrl, string reason)
    : Exception($"Keystone at {authUrl} did not issue a token: {reason}")
{
    public Uri AuthUrl { get; } = authUrl;
}
