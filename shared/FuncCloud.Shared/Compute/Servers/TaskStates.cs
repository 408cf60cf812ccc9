namespace FuncCloud.Shared.Compute.Servers;

/// <summary>
/// What is happening to a server right now (nova's <c>nova.compute.task_states</c>); the wire values of
/// <c>OS-EXT-STS:task_state</c>. Null means nothing is in motion.
/// </summary>
public static class TaskStates
{
    public const string Scheduling = "scheduling";
    public const string Spawning = "spawning";
    public const string Rebooting = "rebooting";
    public const string RebootingHard = "rebooting_hard";
    public const string PoweringOff = "powering-off";
    public const string PoweringOn = "powering-on";
    public const string Pausing = "pausing";
    public const string Unpausing = "unpausing";
    public const string Suspending = "suspending";
    public const string Resuming = "resuming";
    public const string Rebuilding = "rebuilding";
    public const string ResizePrep = "resize_prep";
    public const string ResizeFinish = "resize_finish";
    public const string ResizeReverting = "resize_reverting";
    public const string ResizeConfirming = "resize_confirming";
    public const string ImageSnapshot = "image_snapshot";
    public const string ImagePendingUpload = "image_pending_upload";
    public const string ImageUploading = "image_uploading";
    public const string Deleting = "deleting";
}
