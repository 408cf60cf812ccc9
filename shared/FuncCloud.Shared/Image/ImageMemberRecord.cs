namespace FuncCloud.Shared.Image;

/// <summary>A project an image is shared with, and whether it accepted.</summary>
public sealed record ImageMemberRecord(string ImageId, string MemberId, string Status, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>Member statuses.</summary>
public static class MemberStatus
{
    /// <summary>Offered, not answered yet.</summary>
    public const string Pending = "pending";

    /// <summary>The member lists the image.</summary>
    public const string Accepted = "accepted";

    /// <summary>The member declined.</summary>
    public const string Rejected = "rejected";

    /// <summary>Every valid value.</summary>
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Pending, Accepted, Rejected };
}
