namespace FuncCloud.Shared.Volume.Volumes;

/// <summary>Cinder's volume statuses (the <c>status</c> field).</summary>
public static class VolumeStatus
{
    public const string Creating = "creating";
    public const string Available = "available";
    public const string Reserved = "reserved";
    public const string Attaching = "attaching";
    public const string InUse = "in-use";
    public const string Detaching = "detaching";
    public const string Maintenance = "maintenance";
    public const string Deleting = "deleting";
    public const string Error = "error";
    public const string ErrorDeleting = "error_deleting";
    public const string ErrorExtending = "error_extending";
    public const string Extending = "extending";
    public const string BackingUp = "backing-up";
    public const string RestoringBackup = "restoring-backup";
    public const string ErrorRestoring = "error_restoring";
    public const string Downloading = "downloading";
    public const string Uploading = "uploading";

    /// <summary>Every status (the values <c>os-reset_status</c> accepts).</summary>
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        Creating, Available, Reserved, Attaching, InUse, Detaching, Maintenance, Deleting, Error, ErrorDeleting,
        ErrorExtending, Extending, BackingUp, RestoringBackup, ErrorRestoring, Downloading, Uploading,
    };
}
