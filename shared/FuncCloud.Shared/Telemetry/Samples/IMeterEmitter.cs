namespace FuncCloud.Shared.Telemetry.Samples;

/// <summary>
/// How the control plane's workflows meter what they do (ceilometer's notification meters): one call per event,
/// e.g. <c>await meters.EmitAsync([Meters.Of(Meters.VolumeSize, sizeGb, now, volumeId, "volume") with { ProjectId = project }], ct)</c>.
/// Metering is best effort: an emitter never fails the workflow that calls it.
/// </summary>
public interface IMeterEmitter
{
    /// <summary>Sends <paramref name="samples"/> to the samples queue (one message).</summary>
    Task EmitAsync(IReadOnlyList<Sample> samples, CancellationToken cancellationToken);
}
