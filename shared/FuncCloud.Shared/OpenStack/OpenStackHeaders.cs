namespace FuncCloud.Shared.OpenStack;

/// <summary>HTTP header names of the OpenStack APIs.</summary>
public static class OpenStackHeaders
{
    /// <summary>The request id every response carries (<c>req-&lt;uuid&gt;</c>).</summary>
    public const string RequestId = "X-Openstack-Request-Id";

    /// <summary>The caller's token.</summary>
    public const string AuthToken = "X-Auth-Token";

    /// <summary>The token being issued, validated or revoked.</summary>
    public const string SubjectToken = "X-Subject-Token";
}
