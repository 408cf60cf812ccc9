using System.Collections.Frozen;
using System.IO.Compression;

namespace FuncCloud.Web.Assets;

/// <summary>One built file of the front-end: its bytes, the gzip of them (for text types) and its content type.</summary>
public sealed record WebAsset(string Path, byte[] Content, byte[]? Gzip, string ContentType, bool Immutable);

/// <summary>
/// The front-end's built files, embedded in this assembly by the npm build (see the project file), read and
/// gzipped once at first use. Files under <c>assets/</c> carry a content hash in their names: cacheable forever.
/// </summary>
public static class WebAssets
{
    private const string Prefix = "webapp/";

    private static readonly Lazy<FrozenDictionary<string, WebAsset>> Files = new(Load);

    /// <summary>The entry page.</summary>
    public const string Index = "index.html";

    /// <summary>The file at <paramref name="path"/> (relative to the app root), or null.</summary>
    public static WebAsset? Find(string path) => Files.Value.GetValueOrDefault(path);

    /// <summary>Every embedded file (for size reports).</summary>
    public static IEnumerable<WebAsset> All => Files.Value.Values;

    private static FrozenDictionary<string, WebAsset> Load()
    {
        var assembly = typeof(WebAssets).Assembly;
        var files = new Dictionary<string, WebAsset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var path = name[Prefix.Length..].Replace('\\', '/');
            var type = ContentType(path);
            var content = copy.ToArray();
            files[path] = new WebAsset(path, content, Compressible(type) ? Compress(content) : null, type, path.StartsWith("assets/", StringComparison.Ordinal));
        }

        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static byte[] Compress(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize))
        {
            gzip.Write(content);
        }

        return output.ToArray();
    }

    private static bool Compressible(string type) => type.StartsWith("text/", StringComparison.Ordinal) || type.Contains("javascript", StringComparison.Ordinal) || type.Contains("json", StringComparison.Ordinal) || type.Contains("svg", StringComparison.Ordinal);

    private static string ContentType(string path) => System.IO.Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".json" => "application/json",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        ".ico" => "image/x-icon",
        ".woff2" => "font/woff2",
        _ => "application/octet-stream",
    };
}
