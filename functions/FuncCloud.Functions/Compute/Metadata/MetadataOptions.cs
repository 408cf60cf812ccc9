namespace FuncCloud.Functions.Compute.Metadata;

/// <summary>Settings of the metadata API (section <c>FuncCloud:Metadata</c>).</summary>
public sealed class MetadataOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "FuncCloud:Metadata";

    /// <summary>
    /// The secret metadata proxies sign instance ids with (nova's <c>metadata_proxy_shared_secret</c>; the
    /// agents hold the same value). Unset: the metadata API refuses every request, since it could not tell a
    /// proxy from anybody else.
    /// </summary>
    public string? SharedSecret { get; set; }
}
