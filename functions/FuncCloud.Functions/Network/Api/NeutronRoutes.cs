using FuncCloud.Shared.OpenStack;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Functions.Network.Api;

/// <summary>Routes of the networking API (catalog type <c>network</c>, endpoint <c>/network</c>).</summary>
public static class NeutronRoutes
{
    /// <summary>The service root, the catalog endpoint.</summary>
    public const string Root = "network";

    /// <summary>The v2.0 root.</summary>
    public const string V2 = Root + "/v2.0";

    /// <summary>Any resource collection (the registry of <c>ResourceKind</c>s decides which exist).</summary>
    public const string Collection = V2 + "/{collection}";

    /// <summary>One resource of a collection.</summary>
    public const string Resource = Collection + "/{id}";

    /// <summary>The tags of one resource.</summary>
    public const string Tags = Resource + "/tags";

    /// <summary>One tag of one resource.</summary>
    public const string Tag = Tags + "/{tag}";

    /// <summary>The extensions.</summary>
    public const string Extensions = V2 + "/extensions";

    /// <summary>One router.</summary>
    public const string Router = V2 + "/routers/{routerId}";

    /// <summary>The quotas.</summary>
    public const string Quotas = V2 + "/quotas";

    /// <summary><c>/v2.0/auto-allocated-topology/{projectId}</c>.</summary>
    public const string AutoAllocatedTopology = V2 + "/auto-allocated-topology/{projectId}";

    /// <summary>The absolute v2.0 root of <paramref name="request"/>.</summary>
    public static string V2Url(HttpRequest request) => $"{RequestUrls.Origin(request)}/{V2}";
}
