namespace FuncCloud.Functions.Identity.Storage;

/// <summary>The partitions of the identity table, one per kind of resource.</summary>
public static class IdentityKinds
{
    public const string Domain = "domain";
    public const string Project = "project";
    public const string User = "user";
    public const string Group = "group";
    public const string Membership = "membership";
    public const string Role = "role";
    public const string ImpliedRole = "implied";
    public const string Assignment = "assignment";
    public const string Region = "region";
    public const string Service = "service";
    public const string Endpoint = "endpoint";
    public const string ApplicationCredential = "appcred";
    public const string Revocation = "revocation";
    public const string Meta = "meta";
}
