namespace FuncCloud.Functions.ObjectStorage.Api;

/// <summary>
/// Routes of the object-storage API (catalog type <c>object-store</c>). The catalog URL is
/// <c>{endpoint}/object-store/v1/AUTH_$(project_id)s</c>, which keystone fills per token, as swiftclient and
/// openstacksdk expect; swiftclient finds <c>/object-store/info</c> by replacing <c>/v1/...</c> with <c>/info</c>.
/// </summary>
public static class SwiftRoutes
{
    /// <summary>The service root.</summary>
    public const string Root = "object-store";

    /// <summary>The v1 root.</summary>
    public const string V1 = Root + "/v1";

    /// <summary>The catalog path (keystone substitutes the project id).</summary>
    public const string CatalogPath = V1 + "/" + AccountPrefix + "$(project_id)s";

    /// <summary>Swift's reseller prefix: account <c>AUTH_{project_id}</c>.</summary>
    public const string AccountPrefix = "AUTH_";

    /// <summary>An account.</summary>
    public const string Account = V1 + "/{account}";

    /// <summary>A container.</summary>
    public const string Container = Account + "/{container}";

    /// <summary>An object (names may hold slashes).</summary>
    public const string Object = Container + "/{*objectName}";

    /// <summary>Cluster capabilities.</summary>
    public const string Info = Root + "/info";

    /// <summary>Where openstacksdk looks for the capabilities (the host root).</summary>
    public const string RootInfo = "info";
}
