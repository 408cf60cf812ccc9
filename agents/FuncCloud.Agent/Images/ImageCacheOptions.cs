namespace FuncCloud.Agent.Images;

/// <summary>Where a node keeps downloaded images, bound from <c>FuncCloud:Agent:ImageCache</c>.</summary>
public sealed class ImageCacheOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "FuncCloud:Agent:ImageCache";

    /// <summary>The cache folder (one file per image id; <c>.partial</c> holds downloads in progress).</summary>
    public string Directory { get; set; } = "/var/lib/funccloud/images";
}
