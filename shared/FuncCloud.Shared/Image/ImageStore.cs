using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.Storage;
using Azure.Data.Tables;

namespace FuncCloud.Shared.Image;

/// <summary>
/// Image and member records in the <c>Images</c> table. Images live in one partition: Glance looks an image
/// up by id alone and lists across owners (public, shared, community), and a single partition serves both
/// with one query; members live in a second partition keyed <c>imageId/memberId</c>.
/// </summary>
public sealed class ImageStore(TableServiceClient tables, StorageNames names)
{
    private const string ImagePartition = "image";
    private const string MemberPartition = "member";
    private static readonly CasRetry Retry = new(11);
    private readonly DocumentTable _table = new(tables, names, "Images", OpenStackJson.Storage);

    /// <summary>The image <paramref name="imageId"/>, or null.</summary>
    public Task<Document<ImageRecord>?> GetAsync(string imageId, CancellationToken cancellationToken) =>
        _table.GetAsync<ImageRecord>(ImagePartition, imageId, cancellationToken);

    /// <summary>Every image.</summary>
    public Task<IReadOnlyList<Document<ImageRecord>>> ListAsync(CancellationToken cancellationToken) =>
        _table.ListAsync<ImageRecord>(ImagePartition, cancellationToken);

    /// <summary>Inserts a new image.</summary>
    /// <exception cref="DuplicateKeyException">The id exists.</exception>
    public Task InsertAsync(ImageRecord image, CancellationToken cancellationToken) =>
        _table.InsertAsync(ImagePartition, image.Id, image, null, cancellationToken);

    /// <summary>Replaces <paramref name="current"/> with <paramref name="updated"/> if nobody changed it meanwhile.</summary>
    /// <exception cref="ConcurrencyException">The image changed or vanished.</exception>
    public Task ReplaceAsync(Document<ImageRecord> current, ImageRecord updated, CancellationToken cancellationToken) =>
        _table.ReplaceAsync(ImagePartition, current.Id, updated, current.ETag, null, null, cancellationToken);

    /// <summary>
    /// Reads, changes and compare-and-swaps the image until the swap wins; <paramref name="change"/> may
    /// throw to refuse. Returns null when the image does not exist.
    /// </summary>
    public Task<ImageRecord?> UpdateAsync(string imageId, Func<ImageRecord, ImageRecord> change, CancellationToken cancellationToken) =>
        _table.UpdateAsync<ImageRecord>(ImagePartition, imageId, change, Retry, cancellationToken);

    /// <summary>Deletes the image record (members are deleted separately).</summary>
    public Task DeleteAsync(string imageId, CancellationToken cancellationToken) =>
        _table.DeleteAsync(ImagePartition, imageId, null, cancellationToken);

    /// <summary>The membership of <paramref name="memberId"/> in <paramref name="imageId"/>, or null.</summary>
    public Task<Document<ImageMemberRecord>?> GetMemberAsync(string imageId, string memberId, CancellationToken cancellationToken) =>
        _table.GetAsync<ImageMemberRecord>(MemberPartition, MemberKey(imageId, memberId), cancellationToken);

    /// <summary>Every membership (of every image).</summary>
    public Task<IReadOnlyList<Document<ImageMemberRecord>>> ListMembersAsync(CancellationToken cancellationToken) =>
        _table.ListAsync<ImageMemberRecord>(MemberPartition, cancellationToken);

    /// <summary>Adds a membership.</summary>
    /// <exception cref="DuplicateKeyException">The project is already a member.</exception>
    public Task InsertMemberAsync(ImageMemberRecord member, CancellationToken cancellationToken) =>
        _table.InsertAsync(MemberPartition, MemberKey(member.ImageId, member.MemberId), member, null, cancellationToken);

    /// <summary>Replaces a membership if unchanged since read.</summary>
    public Task ReplaceMemberAsync(Document<ImageMemberRecord> current, ImageMemberRecord updated, CancellationToken cancellationToken) =>
        _table.ReplaceAsync(MemberPartition, current.Id, updated, current.ETag, null, null, cancellationToken);

    /// <summary>Deletes a membership.</summary>
    public Task DeleteMemberAsync(string imageId, string memberId, CancellationToken cancellationToken) =>
        _table.DeleteAsync(MemberPartition, MemberKey(imageId, memberId), null, cancellationToken);

    private static string MemberKey(string imageId, string memberId) => $"{imageId}/{memberId}";
}
