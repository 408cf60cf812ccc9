using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace FuncCloud.Functions.ObjectStorage.Services;

/// <summary>
/// <c>GET /info</c>: the cluster's capabilities, one entry per middleware this implementation provides, each
/// with its limits (what swiftclient's <c>swift capabilities</c> and openstacksdk read).
/// </summary>
public sealed class SwiftInfo(IOptions<ObjectStorageOptions> options)
{
    /// <summary>The swift version the API matches.</summary>
    public const string Version = "2.30.0";

    /// <summary>The capabilities document.</summary>
    public JsonObject Document()
    {
        var o = options.Value;
        return new JsonObject
        {
            ["swift"] = new JsonObject
            {
                ["version"] = Version,
                ["max_file_size"] = o.MaxFileSize,
                ["max_meta_name_length"] = o.MaxMetaNameLength,
                ["max_meta_value_length"] = o.MaxMetaValueLength,
                ["max_meta_count"] = o.MaxMetaCount,
                ["max_meta_overall_size"] = o.MaxMetaOverallSize,
                ["max_header_size"] = 8192,
                ["max_object_name_length"] = Api.SwiftPath.MaxObjectNameBytes,
                ["max_container_name_length"] = Api.SwiftPath.MaxContainerNameBytes,
                ["max_account_name_length"] = 256,
                ["container_listing_limit"] = o.ListingLimit,
                ["account_listing_limit"] = o.ListingLimit,
                ["extra_header_count"] = 0,
                ["account_autocreate"] = true,
                ["allow_account_management"] = false,
                ["strict_cors_mode"] = true,
                ["valid_api_versions"] = new JsonArray("v1"),
                ["policies"] = new JsonArray(new JsonObject { ["name"] = o.StoragePolicy, ["default"] = true }),
            },
            ["slo"] = new JsonObject
            {
                ["max_manifest_segments"] = o.MaxManifestSegments,
                ["max_manifest_size"] = 8 * 1024 * 1024,
                ["min_segment_size"] = o.MinSegmentSize,
                ["yield_frequency"] = 10,
                ["allow_async_delete"] = false,
            },
            ["dlo"] = new JsonObject { ["max_segments"] = 10000 },
            ["tempurl"] = new JsonObject
            {
                ["methods"] = new JsonArray("GET", "HEAD", "PUT", "POST", "DELETE"),
                ["incoming_remove_headers"] = new JsonArray("x-timestamp"),
                ["incoming_allow_headers"] = new JsonArray(),
                ["outgoing_remove_headers"] = new JsonArray("x-object-meta-*"),
                ["outgoing_allow_headers"] = new JsonArray("x-object-meta-public-*"),
                ["allowed_digests"] = new JsonArray("sha1", "sha256", "sha512"),
            },
            ["bulk_delete"] = new JsonObject { ["max_deletes_per_request"] = o.MaxDeletesPerRequest, ["max_failed_deletes"] = o.MaxDeletesPerRequest },
            ["account_quotas"] = new JsonObject(),
            ["container_quotas"] = new JsonObject(),
            ["versioned_writes"] = new JsonObject { ["allowed_flags"] = new JsonArray("x-versions-location", "x-history-location") },
            ["keystoneauth"] = new JsonObject(),
        };
    }
}
