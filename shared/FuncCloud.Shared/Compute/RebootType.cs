namespace FuncCloud.Shared.Compute;

/// <summary>How to reboot (the API's <c>reboot.type</c>).</summary>
public enum RebootType
{
    /// <summary>Ask the guest OS to restart; drivers fall back to hard when the guest is not running.</summary>
    Soft,

    /// <summary>Power-cycle the virtual machine.</summary>
    Hard,
}
