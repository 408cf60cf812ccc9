namespace FuncCloud.Shared.Volume.Messages;

/// <summary>Cinder's message event ids (<c>VOLUME_&lt;resource&gt;_&lt;action&gt;_&lt;detail&gt;</c>).</summary>
public static class VolumeMessageEvents
{
    /// <summary>schedule allocate volume: no valid backend.</summary>
    public const string ScheduleAllocateVolume = "VOLUME_VOLUME_001_002";

    /// <summary>extend volume: not enough room on the pool.</summary>
    public const string ExtendVolume = "VOLUME_VOLUME_003_002";

    /// <summary>delete volume: the storage node failed (unknown error detail).</summary>
    public const string DeleteVolume = "VOLUME_VOLUME_001_001";

    /// <summary>restore backup: the storage node failed (filed, like a failed delete, under the unknown-error detail).</summary>
    public const string RestoreBackup = "VOLUME_VOLUME_001_001";

    /// <summary>copy volume to image: the upload failed (unknown error detail).</summary>
    public const string CopyVolumeToImage = "VOLUME_VOLUME_001_001";
}
