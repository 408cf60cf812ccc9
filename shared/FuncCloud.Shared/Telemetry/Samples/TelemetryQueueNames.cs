namespace FuncCloud.Shared.Telemetry.Samples;

/// <summary>The telemetry queues' logical names (map them through <see cref="FuncCloud.Shared.Storage.StorageNames.Queue"/>).</summary>
public static class TelemetryQueueNames
{
    /// <summary>Where pollsters and event emitters send <see cref="SampleBatch"/> messages.</summary>
    public const string Samples = "telemetry-samples";
}
