namespace FuncCloud.Durable.Volume.Scheduling;

/// <summary>What a new volume needs from a pool.</summary>
/// <param name="SizeGb">The capacity to claim.</param>
/// <param name="AvailabilityZone">The zone the pool must be in.</param>
/// <param name="BackendName">The volume type's <c>volume_backend_name</c>, or null for any backend.</param>
/// <param name="SameHost">For clones and volumes from snapshots: the pool the source lives on (null: any).</param>
public sealed record VolumeRequestSpec(int SizeGb, string AvailabilityZone, string? BackendName, string? SameHost);

/// <summary>The pool a volume was placed on, or why none fits.</summary>
public sealed record VolumePlacement(string? Pool, string? Reason);
