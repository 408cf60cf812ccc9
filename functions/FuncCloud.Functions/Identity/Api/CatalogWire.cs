using System.Text.Json.Nodes;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Services;
using FuncCloud.Shared.OpenStack;
using Microsoft.AspNetCore.Http;
using Endpoint = FuncCloud.Functions.Identity.Model.Endpoint;

namespace FuncCloud.Functions.Identity.Api;

/// <summary>The list filters of regions, services and endpoints.</summary>
public static class CatalogFilters
{
    /// <summary>Regions by <c>parent_region_id</c>.</summary>
    public static IEnumerable<Region> Regions(HttpRequest request, IEnumerable<Region> regions) =>
        IdentityWire.Query(request, "parent_region_id") is { } parent ? regions.Where(r => r.ParentRegionId == parent) : regions;

    /// <summary>Services by <c>type</c> and <c>name</c>.</summary>
    public static IEnumerable<CatalogService> Services(HttpRequest request, IEnumerable<CatalogService> services) => services
        .Where(s => IdentityWire.Query(request, "type") is not { } type || s.Type == type)
        .Where(s => IdentityWire.Query(request, "name") is not { } name || s.Name == name);

    /// <summary>Endpoints by <c>interface</c>, <c>service_id</c> and <c>region_id</c>.</summary>
    public static IEnumerable<Endpoint> Endpoints(HttpRequest request, IEnumerable<Endpoint> endpoints) => endpoints
        .Where(e => IdentityWire.Query(request, "interface") is not { } i || e.Interface == i)
        .Where(e => IdentityWire.Query(request, "service_id") is not { } s || e.ServiceId == s)
        .Where(e => IdentityWire.Query(request, "region_id") is not { } r || e.RegionId == r);
}

/// <summary>The fields a PATCH may change on regions, services and endpoints.</summary>
public static class CatalogUpdates
{
    /// <summary>Description and parent.</summary>
    public static Region Region(Region region, JsonObject body) => region with
    {
        Description = body.ContainsKey("description") ? body.OptionalString("description") ?? string.Empty : region.Description,
        ParentRegionId = body.ContainsKey("parent_region_id") ? body.OptionalString("parent_region_id") : region.ParentRegionId,
    };

    /// <summary>Type, name, description, enabled.</summary>
    public static CatalogService Service(CatalogService service, JsonObject body) => service with
    {
        Type = body.ContainsKey("type") ? body.RequireString("type") : service.Type,
        Name = body.ContainsKey("name") ? body.OptionalString("name") ?? string.Empty : service.Name,
        Description = body.ContainsKey("description") ? body.OptionalString("description") ?? string.Empty : service.Description,
        Enabled = body.OptionalBool("enabled") ?? service.Enabled,
    };

    /// <summary>Interface, URL, region, enabled.</summary>
    public static Endpoint Endpoint(Endpoint endpoint, JsonObject body) => endpoint with
    {
        Interface = body.ContainsKey("interface") ? CatalogAdminService.Interface(body.RequireString("interface")) : endpoint.Interface,
        Url = body.ContainsKey("url") ? CatalogAdminService.Url(body.RequireString("url", 2048)) : endpoint.Url,
        RegionId = body.ContainsKey("region_id") ? body.OptionalString("region_id") : endpoint.RegionId,
        Enabled = body.OptionalBool("enabled") ?? endpoint.Enabled,
    };
}
