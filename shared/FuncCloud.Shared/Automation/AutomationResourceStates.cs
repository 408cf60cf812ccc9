namespace FuncCloud.Shared.Automation;

/// <summary>
/// Which <c>status</c> values are final across the services: everything but the transitional states of nova
/// (BUILD, REBOOT...), glance (queued, saving, importing...), cinder (creating, extending...) and neutron
/// (PENDING_*); ERROR / error* / killed are final failures.
/// </summary>
public static class AutomationResourceStates
{
    private static readonly HashSet<string> Transitional = new(StringComparer.OrdinalIgnoreCase)
    {
        "BUILD", "BUILDING", "REBUILD", "REBOOT", "HARD_REBOOT", "RESIZE", "MIGRATING", "PASSWORD", "REVERT_RESIZE",
        "queued", "saving", "importing", "uploading", "pending_delete",
        "creating", "deleting", "extending", "attaching", "detaching", "reserved", "downloading", "backing-up",
        "restoring-backup", "retyping", "maintenance", "awaiting-transfer",
        "PENDING_CREATE", "PENDING_UPDATE", "PENDING_DELETE",
    };

    /// <summary>True when <paramref name="status"/> will not change on its own.</summary>
    public static bool IsFinal(string? status) => status is null || !Transitional.Contains(status);

    /// <summary>True for a final failure.</summary>
    public static bool IsFailure(string? status) => status is not null
        && (status.StartsWith("error", StringComparison.OrdinalIgnoreCase) || string.Equals(status, "killed", StringComparison.OrdinalIgnoreCase));
}
