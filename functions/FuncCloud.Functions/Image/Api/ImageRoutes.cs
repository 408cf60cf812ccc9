using FuncCloud.Shared.OpenStack;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Functions.Image.Api;

/// <summary>Routes and link paths of the image API (catalog type <c>image</c>, endpoint <c>/image</c>).</summary>
public static class ImageRoutes
{
    /// <summary>The service root, the catalog endpoint.</summary>
    public const string Root = "image";

    /// <summary>The v2 root.</summary>
    public const string V2 = Root + "/v2";

    /// <summary>The images collection.</summary>
    public const string Images = V2 + "/images";

    /// <summary>One image.</summary>
    public const string Image = Images + "/{imageId}";

    /// <summary>The members of one image.</summary>
    public const string Members = Image + "/members";

    /// <summary>The schemas.</summary>
    public const string Schemas = V2 + "/schemas";

    /// <summary>Discovery of import methods and stores.</summary>
    public const string Info = V2 + "/info";

    /// <summary>The absolute v2 root of <paramref name="request"/>.</summary>
    public static string V2Url(HttpRequest request) => $"{RequestUrls.Origin(request)}/{V2}";

    /// <summary>The relative path Glance puts in <c>self</c>, <c>file</c>, <c>first</c> and <c>next</c> (relative to the endpoint).</summary>
    public static string ImagePath(string imageId) => "/v2/images/" + imageId;
}
