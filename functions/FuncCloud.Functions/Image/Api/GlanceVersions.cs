using Microsoft.AspNetCore.Http;

namespace FuncCloud.Functions.Image.Api;

/// <summary>A link of a Glance version entry.</summary>
public sealed record GlanceVersionLink(string Rel, string Href);

/// <summary>One Glance API version (Glance lists no media types or dates).</summary>
public sealed record GlanceVersion(string Id, string Status, IReadOnlyList<GlanceVersionLink> Links);

/// <summary>The body of Glance's version documents.</summary>
public sealed record GlanceVersionList(IReadOnlyList<GlanceVersion> Versions);

/// <summary>Glance's version discovery document: v2.16 current, the earlier v2 minors supported.</summary>
public static class GlanceVersions
{
    private static readonly string[] Supported = ["v2.15", "v2.9", "v2.8", "v2.7", "v2.6", "v2.5", "v2.4", "v2.3", "v2.2", "v2.1", "v2.0"];

    /// <summary>The version list for <paramref name="request"/>'s host.</summary>
    public static GlanceVersionList For(HttpRequest request)
    {
        var self = new[] { new GlanceVersionLink("self", ImageRoutes.V2Url(request) + "/") };
        return new GlanceVersionList([new GlanceVersion("v2.16", "CURRENT", self), .. Supported.Select(v => new GlanceVersion(v, "SUPPORTED", self))]);
    }
}
