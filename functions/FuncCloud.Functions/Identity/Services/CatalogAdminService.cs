using System.Text.Json.Nodes;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Storage;
using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.Security;
using FuncCloud.Shared.Storage;

namespace FuncCloud.Functions.Identity.Services;

/// <summary>The catalog's regions, services and endpoints. A null caller is the bootstrapper.</summary>
public sealed class CatalogAdminService(IdentityStore store, IdentityLookup lookup, IdentityPolicies policy)
{
    private static readonly string[] Interfaces = ["public", "internal", "admin"];

    /// <summary>Creates a region (the id may be chosen, e.g. <c>RegionOne</c>).</summary>
    public async Task<Region> CreateRegionAsync(RequestContext? caller, JsonObject body, CancellationToken cancellationToken)
    {
        Manage(caller);
        var region = new Region(body.OptionalString("id") ?? Guid.NewGuid().ToString("N"), body.OptionalString("description") ?? string.Empty, body.OptionalString("parent_region_id"));
        if (region.ParentRegionId is { } parent)
        {
            _ = await store.GetAsync<Region>(IdentityKinds.Region, parent, cancellationToken) ?? throw new BadRequestException($"The parent region {parent} does not exist.");
        }

        await InsertAsync(IdentityKinds.Region, region.Id, region, cancellationToken);
        return region;
    }

    /// <summary>Creates a service.</summary>
    public async Task<CatalogService> CreateServiceAsync(RequestContext? caller, JsonObject body, CancellationToken cancellationToken)
    {
        Manage(caller);
        var service = new CatalogService(Guid.NewGuid().ToString("N"), body.RequireString("type"), body.OptionalString("name") ?? string.Empty,
            body.OptionalString("description") ?? string.Empty, body.OptionalBool("enabled") ?? true);
        await InsertAsync(IdentityKinds.Service, service.Id, service, cancellationToken);
        return service;
    }

    /// <summary>Creates an endpoint of an existing service.</summary>
    public async Task<Endpoint> CreateEndpointAsync(RequestContext? caller, JsonObject body, CancellationToken cancellationToken)
    {
        Manage(caller);
        var serviceId = body.RequireString("service_id");
        _ = await store.GetAsync<CatalogService>(IdentityKinds.Service, serviceId, cancellationToken) ?? throw new BadRequestException($"The service {serviceId} does not exist.");
        var endpoint = new Endpoint(Guid.NewGuid().ToString("N"), serviceId, Interface(body.RequireString("interface")), Url(body.RequireString("url", 2048)),
            body.OptionalString("region_id") ?? body.OptionalString("region"), body.OptionalBool("enabled") ?? true);
        if (endpoint.RegionId is { } regionId)
        {
            _ = await store.GetAsync<Region>(IdentityKinds.Region, regionId, cancellationToken) ?? throw new BadRequestException($"The region {regionId} does not exist.");
        }

        await InsertAsync(IdentityKinds.Endpoint, endpoint.Id, endpoint, cancellationToken);
        return endpoint;
    }

    /// <summary>One resource of a catalog kind.</summary>
    public async Task<T> GetAsync<T>(RequestContext caller, string kind, string id, CancellationToken cancellationToken)
    {
        policy.Enforce(ReadAction(kind, single: true), caller);
        return (await lookup.RequireAsync<T>(kind, id, cancellationToken)).Value;
    }

    /// <summary>All resources of a catalog kind.</summary>
    public async Task<IReadOnlyList<T>> ListAsync<T>(RequestContext caller, string kind, CancellationToken cancellationToken)
    {
        policy.Enforce(ReadAction(kind, single: false), caller);
        return (await store.ListAsync<T>(kind, cancellationToken)).Select(d => d.Value).ToList();
    }

    /// <summary>Applies a JSON merge of allowed fields to a region, service or endpoint.</summary>
    public async Task<T> UpdateAsync<T>(RequestContext caller, string kind, string id, JsonObject body, Func<T, JsonObject, T> apply, CancellationToken cancellationToken)
    {
        Manage(caller);
        var current = await lookup.RequireAsync<T>(kind, id, cancellationToken);
        var updated = apply(current.Value, body);
        try
        {
            await store.ReplaceAsync(kind, current, updated, null, null, cancellationToken);
        }
        catch (ConcurrencyException)
        {
            throw new ConflictException($"The {kind} {id} was changed concurrently; retry.");
        }

        return updated;
    }

    /// <summary>Deletes a region, service (with its endpoints) or endpoint.</summary>
    public async Task DeleteAsync(RequestContext caller, string kind, string id, CancellationToken cancellationToken)
    {
        Manage(caller);
        _ = await store.GetAsync<JsonObject>(kind, id, cancellationToken) ?? throw new ResourceNotFoundException(kind, id);
        if (kind == IdentityKinds.Service)
        {
            await store.DeleteWhereAsync<Endpoint>(IdentityKinds.Endpoint, e => e.ServiceId == id, null, cancellationToken);
        }

        await store.DeleteAsync(kind, id, null, cancellationToken);
    }

    /// <summary>Validates an endpoint interface name.</summary>
    public static string Interface(string value) => Interfaces.Contains(value)
        ? value
        : throw new BadRequestException($"Invalid input for field 'interface': '{value}' is not one of public, internal, admin.");

    /// <summary>Validates an endpoint URL.</summary>
    public static string Url(string value) => Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
        ? value
        : throw new BadRequestException($"Invalid input for field 'url': '{value}' is not an http(s) URL.");

    private void Manage(RequestContext? caller)
    {
        if (caller is not null)
        {
            policy.Enforce("manage_catalog", caller);
        }
    }

    private static string ReadAction(string kind, bool single) => (kind, single) switch
    {
        (IdentityKinds.Region, true) => "get_region",
        (IdentityKinds.Region, false) => "list_regions",
        (IdentityKinds.Service, true) => "get_service",
        (IdentityKinds.Service, false) => "list_services",
        (_, true) => "get_endpoint",
        _ => "list_endpoints",
    };

    private async Task InsertAsync<T>(string kind, string id, T value, CancellationToken cancellationToken)
    {
        try
        {
            await store.InsertAsync(kind, id, value, null, cancellationToken);
        }
        catch (DuplicateKeyException)
        {
            throw new ConflictException($"Conflict occurred attempting to store {kind} - Duplicate ID, {id}.");
        }
    }
}
