namespace FuncCloud.Shared.Compute.Servers;

/// <summary>
/// The stable states of a server (nova's <c>nova.compute.vm_states</c>); the wire values of
/// <c>OS-EXT-STS:vm_state</c>. A server rests in one of these; <see cref="TaskStates"/> says what is in motion.
/// </summary>
public static class VmStates
{
    public const string Active = "active";
    public const string Building = "building";
    public const string Paused = "paused";
    public const string Suspended = "suspended";
    public const string Stopped = "stopped";
    public const string Resized = "resized";
    public const string Deleted = "deleted";
    public const string Error = "error";
}
