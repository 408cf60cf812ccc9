namespace FuncCloud.Shared.Compute;

/// <summary>
/// The power state of an instance as the hypervisor sees it. The numeric values are nova's
/// <c>nova.compute.power_state</c> constants, so they map one-to-one onto the API's
/// <c>OS-EXT-STS:power_state</c> attribute (2 and 5 are retired in nova and not used).
/// </summary>
public enum PowerState
{
    /// <summary>Unknown or not yet created (nova NOSTATE).</summary>
    NoState = 0,

    /// <summary>The guest is running.</summary>
    Running = 1,

    /// <summary>The guest's vCPUs are stopped, its memory kept in RAM.</summary>
    Paused = 3,

    /// <summary>The guest is powered off.</summary>
    Shutdown = 4,

    /// <summary>The guest crashed.</summary>
    Crashed = 6,

    /// <summary>The guest's memory was saved to disk and the guest stopped.</summary>
    Suspended = 7,
}
