using System.Text.Json;
using System.Text.Json.Nodes;
using FuncCloud.Shared.OpenStack;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Functions.Identity.Api;

/// <summary>Builds keystone's entity and collection bodies (with <c>links</c>) from records.</summary>
public static class IdentityWire
{
    /// <summary><c>{"project": {..., "links": {"self": ...}}}</c> with <paramref name="status"/>.</summary>
    public static IResult Entity<T>(HttpRequest request, string member, string collection, string id, T value, int status = StatusCodes.Status200OK) =>
        OpenStackHttp.Json(new JsonObject { [member] = WithLinks(request, collection, id, value) }, status);

    /// <summary><c>{"projects": [...], "links": {"self": ..., "previous": null, "next": null}}</c>.</summary>
    public static IResult Collection<T>(HttpRequest request, string collection, IEnumerable<(string Id, T Value)> items)
    {
        var array = new JsonArray();
        foreach (var (id, value) in items)
        {
            array.Add(WithLinks(request, collection, id, value));
        }

        return OpenStackHttp.Json(new JsonObject
        {
            [collection.Split('/')[^1]] = array,
            ["links"] = new JsonObject { ["self"] = $"{RequestUrls.Origin(request)}{request.Path}{request.QueryString}", ["previous"] = null, ["next"] = null },
        });
    }

    /// <summary>The <c>role_assignments</c> collection (entries carry their own links).</summary>
    public static IResult AssignmentCollection(HttpRequest request, IReadOnlyList<RoleAssignmentView> views) =>
        OpenStackHttp.Json(new JsonObject
        {
            ["role_assignments"] = JsonSerializer.SerializeToNode(views, OpenStackJson.Options),
            ["links"] = new JsonObject { ["self"] = $"{RequestUrls.Origin(request)}{request.Path}{request.QueryString}", ["previous"] = null, ["next"] = null },
        });

    /// <summary>The JSON of <paramref name="value"/> plus its self link.</summary>
    public static JsonObject WithLinks<T>(HttpRequest request, string collection, string id, T value)
    {
        var node = JsonSerializer.SerializeToNode(value, OpenStackJson.Options) as JsonObject ?? [];
        node["links"] = new JsonObject { ["self"] = $"{IdentityRoutes.V3Url(request)}/{collection}/{id}" };
        return node;
    }

    /// <summary>A query parameter, or null.</summary>
    public static string? Query(HttpRequest request, string name) => request.Query.TryGetValue(name, out var value) ? value.ToString() : null;

    /// <summary>A boolean query parameter (<c>true/false/1/0</c>; present without value is true).</summary>
    public static bool? QueryBool(HttpRequest request, string name) => Query(request, name) switch
    {
        null => null,
        "" => true,
        var v when v.Equals("true", StringComparison.OrdinalIgnoreCase) || v == "1" => true,
        var v when v.Equals("false", StringComparison.OrdinalIgnoreCase) || v == "0" => false,
        var v => throw new Shared.OpenStack.Errors.BadRequestException($"Invalid value '{v}' for query parameter '{name}': expected a boolean."),
    };
}
