using System.Collections.Concurrent;
using System.Net;
using FuncCloud.Agent.Hosting;
using FuncCloud.Shared.Compute.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Refit;

namespace FuncCloud.Agent.Network.Metadata;

/// <summary>
/// neutron's metadata agent: a guest's request arrives from the haproxy in its network's <c>qdhcp</c> namespace
/// with the network in <see cref="MetadataRoutes.NetworkIdHeader"/> and the guest's address in
/// <c>X-Forwarded-For</c>; the proxy asks the controller which instance owns that port, signs the instance id
/// with the shared secret and forwards the request to the controller's metadata API, streaming the answer back.
/// </summary>
public sealed partial class MetadataProxy(
    IMetadataInstanceApi instances,
    IHttpClientFactory clients,
    IOptions<MetadataProxyOptions> options,
    IOptions<AgentOptions> agent,
    TimeProvider time,
    ILogger<MetadataProxy> logger)
{
    /// <summary>The named client that reaches the controller's <c>/metadata</c> (no Keystone token: the signature is the credential).</summary>
    public const string HttpClientName = "metadata-proxy";

    private readonly ConcurrentDictionary<(string Network, string Ip), (MetadataInstance Instance, DateTimeOffset Expires)> _cache = new();

    /// <summary>Answers one guest request.</summary>
    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            await TextAsync(context, StatusCodes.Status405MethodNotAllowed, "405 Method Not Allowed\n\nThe method is not allowed for this resource.\n\n   ");
            return;
        }

        var networkId = request.Headers[MetadataRoutes.NetworkIdHeader].FirstOrDefault();
        // haproxy appends the guest's address to any X-Forwarded-For the guest sent: the last entry is the true one.
        var guest = request.Headers[MetadataRoutes.ForwardedForHeader].ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        if (string.IsNullOrEmpty(networkId) || guest is null || !IPAddress.TryParse(guest, out _))
        {
            await TextAsync(context, StatusCodes.Status400BadRequest, "400 Bad Request\n\nThe request did not come through a network's metadata proxy.\n\n   ");
            return;
        }

        var instance = await ResolveAsync(networkId, guest, context.RequestAborted);
        if (instance is null)
        {
            LogUnknownGuest(logger, guest, networkId);
            await TextAsync(context, StatusCodes.Status404NotFound, "404 Not Found\n\nThe resource could not be found.\n\n   ");
            return;
        }

        using var upstream = new HttpRequestMessage(new HttpMethod(request.Method), "/" + MetadataRoutes.Root + request.Path + request.QueryString);
        upstream.Headers.Add(MetadataRoutes.InstanceIdHeader, instance.InstanceId);
        upstream.Headers.Add(MetadataRoutes.TenantIdHeader, instance.ProjectId);
        upstream.Headers.Add(MetadataRoutes.SignatureHeader, MetadataSignature.Sign(options.Value.SharedSecret!, instance.InstanceId));
        upstream.Headers.Add(MetadataRoutes.ForwardedForHeader, guest);
        using var response = await clients.CreateClient(HttpClientName).SendAsync(upstream, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        if (response.Content.Headers.ContentType is { } contentType)
        {
            context.Response.ContentType = contentType.ToString();
        }

        if (response.Content.Headers.ContentLength is { } length)
        {
            context.Response.ContentLength = length;
        }

        await using var body = await response.Content.ReadAsStreamAsync(context.RequestAborted);
        await body.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    private async Task<MetadataInstance?> ResolveAsync(string networkId, string ip, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue((networkId, ip), out var cached) && cached.Expires > now)
        {
            return cached.Instance;
        }

        try
        {
            var node = agent.Value.NodeName ?? agent.Value.Nodes.FirstOrDefault() ?? "local";
            var instance = await instances.ResolveAsync(node, networkId, ip, cancellationToken);
            _cache[(networkId, ip)] = (instance, now + options.Value.CacheTtl);
            return instance;
        }
        catch (ApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            _cache.TryRemove((networkId, ip), out _);
            return null;
        }
    }

    private static Task TextAsync(HttpContext context, int status, string text)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=UTF-8";
        return context.Response.WriteAsync(text, context.RequestAborted);
    }

    [LoggerMessage(EventId = 4651, Level = LogLevel.Warning, Message = "Metadata request from {guest} on network {network}: no instance owns that address.")]
    private static partial void LogUnknownGuest(ILogger logger, string guest, string network);
}
