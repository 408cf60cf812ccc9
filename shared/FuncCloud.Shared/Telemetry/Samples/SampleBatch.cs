namespace FuncCloud.Shared.Telemetry.Samples;

/// <summary>
/// One message on <see cref="TelemetryQueueNames.Samples"/>. <see cref="BatchId"/> makes a redelivered message
/// harmless: the measures store skips a batch id a series already applied.
/// </summary>
/// <param name="BatchId">Unique per message (a GUID).</param>
/// <param name="Source">Who sent it: a node name, or <c>control-plane</c>.</param>
/// <param name="Samples">The samples, any resources.</param>
public sealed record SampleBatch(string BatchId, string Source, IReadOnlyList<Sample> Samples)
{
    /// <summary>The <see cref="Source"/> of event meters from the control plane's workflows.</summary>
    public const string ControlPlane = "control-plane";
}
