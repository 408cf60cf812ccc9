using System.Text.Json.Nodes;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Shared.OpenStack;
using Microsoft.AspNetCore.Http;
using Endpoint = FuncCloud.Functions.Identity.Model.Endpoint;

namespace FuncCloud.Functions.Identity.Api;

/// <summary>The <c>role_inference</c> bodies of the implied-role API.</summary>
public static class ImpliedRoleWire
{
    /// <summary><c>{"role_inference": {"prior_role": ..., "implies": {...}}}</c>.</summary>
    public static IResult Single(HttpRequest request, Role prior, Role implied, int status) =>
        OpenStackHttp.Json(new JsonObject { ["role_inference"] = new JsonObject { ["prior_role"] = Ref(request, prior), ["implies"] = Ref(request, implied) } }, status);

    /// <summary><c>{"role_inference": {"prior_role": ..., "implies": [...]}}</c>.</summary>
    public static IResult List(HttpRequest request, Role prior, IReadOnlyList<Role> implies) =>
        OpenStackHttp.Json(new JsonObject
        {
            ["role_inference"] = new JsonObject { ["prior_role"] = Ref(request, prior), ["implies"] = new JsonArray(implies.Select(r => (JsonNode)Ref(request, r)).ToArray()) },
        });

    private static JsonObject Ref(HttpRequest request, Role role) =>
        IdentityWire.WithLinks(request, "roles", role.Id, new RoleRef(role.Id, role.Name));
}
