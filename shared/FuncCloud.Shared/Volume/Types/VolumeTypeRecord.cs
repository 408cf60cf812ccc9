namespace FuncCloud.Shared.Volume.Types;

/// <summary>A volume type: a name, extra specs the scheduler matches (<c>volume_backend_name</c>) and its access.</summary>
public sealed record VolumeTypeRecord(
    string Id,
    string Name,
    string? Description,
    bool IsPublic,
    IReadOnlyDictionary<string, string> ExtraSpecs,
    IReadOnlyList<string> Projects)
{
    /// <summary>The type every deployment has and volumes get when none is asked for.</summary>
    public const string DefaultName = "__DEFAULT__";

    /// <summary>The extra spec naming the backend a type's volumes must land on.</summary>
    public const string BackendNameSpec = "volume_backend_name";

    /// <summary>The extra spec choosing the on-disk format of the type's volumes (<c>qcow2</c>, the default, or <c>raw</c>, which iSCSI exports need).</summary>
    public const string VolumeFormatSpec = "funccloud:volume_format";

    /// <summary>True when <paramref name="projectId"/> may use the type.</summary>
    public bool IsVisibleTo(string projectId, bool admin) => IsPublic || admin || Projects.Contains(projectId, StringComparer.Ordinal);
}
