namespace FuncCloud.Functions.ObjectStorage;

/// <summary>Limits of the object-storage API, bound from <c>FuncCloud:ObjectStorage</c> (swift's constraints and their defaults).</summary>
public sealed class ObjectStorageOptions
{
    /// <summary>Largest single object, bytes (swift's <c>max_file_size</c>).</summary>
    public long MaxFileSize { get; set; } = 5_368_709_122;

    /// <summary>Largest listing page (swift's <c>container_listing_limit</c> and <c>account_listing_limit</c>).</summary>
    public int ListingLimit { get; set; } = 10_000;

    /// <summary>Metadata items per resource (<c>max_meta_count</c>).</summary>
    public int MaxMetaCount { get; set; } = 90;

    /// <summary>Metadata names, bytes (<c>max_meta_name_length</c>).</summary>
    public int MaxMetaNameLength { get; set; } = 128;

    /// <summary>Metadata values, bytes (<c>max_meta_value_length</c>).</summary>
    public int MaxMetaValueLength { get; set; } = 256;

    /// <summary>All metadata of one resource, bytes (<c>max_meta_overall_size</c>).</summary>
    public int MaxMetaOverallSize { get; set; } = 4096;

    /// <summary>Segments per static large object manifest (<c>max_manifest_segments</c>).</summary>
    public int MaxManifestSegments { get; set; } = 1000;

    /// <summary>Smallest segment but the last of a static large object (<c>min_segment_size</c>).</summary>
    public long MinSegmentSize { get; set; } = 1;

    /// <summary>Deletes per bulk-delete request (<c>max_deletes_per_request</c>).</summary>
    public int MaxDeletesPerRequest { get; set; } = 10_000;

    /// <summary>The one storage policy (swift's default policy name).</summary>
    public string StoragePolicy { get; set; } = "Policy-0";
}
