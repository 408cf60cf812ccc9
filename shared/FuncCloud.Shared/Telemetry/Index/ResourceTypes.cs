namespace FuncCloud.Shared.Telemetry.Index;

/// <summary>An attribute of a resource type (gnocchi's resource type attribute schema, strings only here).</summary>
public sealed record ResourceTypeAttribute(string Name, bool Required, int MaxLength = 255);

/// <summary>A resource type: its name and its attributes beyond the generic ones.</summary>
public sealed record ResourceType(string Name, IReadOnlyList<ResourceTypeAttribute> Attributes);

/// <summary>
/// The resource types a fresh deployment has: gnocchi's <c>generic</c> and the ones ceilometer's gnocchi
/// publisher creates for the meters FuncCloud emits (attributes as ceilometer's <c>gnocchi_resources.yaml</c>).
/// </summary>
public static class ResourceTypes
{
    /// <summary>The base type every resource is also listed under.</summary>
    public const string Generic = "generic";

    /// <summary>Every type, by name.</summary>
    public static readonly IReadOnlyList<ResourceType> All =
    [
        new(Generic, []),
        new("instance", [new("display_name", true), new("flavor_id", true), new("flavor_name", false), new("host", true), new("image_ref", false), new("server_group", false)]),
        new("instance_disk", [new("name", true), new("instance_id", true)]),
        new("instance_network_interface", [new("name", true), new("instance_id", true)]),
        new("image", [new("name", true), new("container_format", true), new("disk_format", true)]),
        new("volume", [new("display_name", false), new("volume_type", false)]),
        new("network", []),
        new("host", [new("host_name", true)]),
        new("swift_account", []),
    ];

    /// <summary>The type named <paramref name="name"/>, or null.</summary>
    public static ResourceType? Find(string name) => All.FirstOrDefault(t => t.Name == name);
}
