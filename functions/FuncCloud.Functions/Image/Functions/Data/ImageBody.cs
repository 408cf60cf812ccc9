using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace FuncCloud.Functions.Image.Functions.Data;

/// <summary>Request-body settings of the data uploads.</summary>
internal static class ImageBody
{
    /// <summary>
    /// Lifts the server's request body limit (Kestrel's 30 MB default) for this request: images are any
    /// size, the quota bounds them while streaming. On Azure the Functions host's own limit still applies.
    /// </summary>
    public static void AllowAnySize(HttpRequest request)
    {
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }
    }
}
