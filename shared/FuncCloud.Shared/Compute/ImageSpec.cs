namespace FuncCloud.Shared.Compute;

/// <summary>The image an instance boots from.</summary>
/// <param name="ImageRef">The Glance image id.</param>
/// <param name="CachedPath">
/// Where the agent already holds the image data on the node (from an earlier download), or null when the
/// driver must fetch it through the image API first.
/// </param>
/// <param name="KernelId">The Glance id of an AKI-style kernel, when the image boots a separate kernel.</param>
/// <param name="RamdiskId">The Glance id of an ARI-style ramdisk, when the image boots a separate kernel.</param>
public sealed record ImageSpec(string ImageRef, string? CachedPath = null, string? KernelId = null, string? RamdiskId = null);
