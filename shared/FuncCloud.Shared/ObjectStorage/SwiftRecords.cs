namespace FuncCloud.Shared.ObjectStorage;

/// <summary>
/// A Swift account (one per project, created on first use as swift's <c>account_autocreate</c> does): its
/// metadata (<c>X-Account-Meta-*</c>, lower-case keys without the prefix, incl. <c>temp-url-key</c> and
/// <c>quota-bytes</c>) and its totals, kept exact by compare-and-swap.
/// </summary>
public sealed record AccountRecord(
    DateTimeOffset CreatedAt,
    IReadOnlyDictionary<string, string> Metadata,
    long ContainerCount,
    long ObjectCount,
    long BytesUsed);

/// <summary>
/// A container: metadata (<c>X-Container-Meta-*</c>, lower-case keys without the prefix), ACLs, versioning
/// and its object totals. Lives in its own partition beside its objects, so an object write and the
/// totals change in one entity-group transaction.
/// </summary>
public sealed record ContainerRecord(
    string Name,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyDictionary<string, string> Metadata,
    string? Read,
    string? Write,
    string? VersionsLocation,
    string? HistoryLocation,
    long ObjectCount,
    long BytesUsed);

/// <summary>A container's row in its account's listing (name order), with the totals swift lists.</summary>
public sealed record ContainerEntry(string Name, long ObjectCount, long BytesUsed, DateTimeOffset LastModified);

/// <summary>
/// An object: the blob holding its bytes (null for an empty object), what swift reports about it and its
/// user metadata (<c>X-Object-Meta-*</c>, lower-case keys without the prefix). <see cref="Etag"/> is the MD5
/// of the bytes (hex); for a static large object it is the MD5 of the segments' etags and <see cref="Size"/> is
/// the segments' total, while the blob holds the manifest.
/// </summary>
public sealed record ObjectRecord(
    string Name,
    string? Blob,
    long Size,
    string Etag,
    string ContentType,
    DateTimeOffset LastModified,
    IReadOnlyDictionary<string, string> Metadata,
    string? ContentDisposition = null,
    string? ContentEncoding = null,
    long? DeleteAt = null,
    string? Manifest = null,
    bool StaticLargeObject = false,
    long BlobSize = 0,
    string? BlobEtag = null);
