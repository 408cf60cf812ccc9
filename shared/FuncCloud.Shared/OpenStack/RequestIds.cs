using Microsoft.AspNetCore.Http;

namespace FuncCloud.Shared.OpenStack;

/// <summary>Creates and remembers the <c>req-&lt;uuid&gt;</c> id of a request.</summary>
public static class RequestIds
{
    private static readonly object ItemKey = new();

    /// <summary>The id of <paramref name="httpContext"/>'s request, created on first use and set on the response.</summary>
    public static string Get(HttpContext httpContext)
    {
        if (httpContext.Items.TryGetValue(ItemKey, out var existing) && existing is string id)
        {
            return id;
        }

        id = "req-" + Guid.NewGuid().ToString("D");
        httpContext.Items[ItemKey] = id;
        if (!httpContext.Response.HasStarted)
        {
            httpContext.Response.Headers[OpenStackHeaders.RequestId] = id;
        }

        return id;
    }
}
