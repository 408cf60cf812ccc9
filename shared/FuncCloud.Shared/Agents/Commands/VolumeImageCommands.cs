namespace FuncCloud.Shared.Agents.Commands;

/// <summary>
/// <c>os-volume_upload_image</c> on the storage node: stream the volume's raw bytes into the data of the queued Glance
/// image (<c>PUT /image/v2/images/{id}/file</c>), never the whole volume in memory. An image that is already active
/// was uploaded by an earlier delivery.
/// </summary>
/// <param name="VolumeId">The volume.</param>
/// <param name="ImageId">The queued image that receives the bytes.</param>
public sealed record UploadVolumeToImageCommand(string VolumeId, string ImageId) : IAgentCommandPayload
{
    public static string Kind => AgentCommandKinds.UploadVolumeToImage;

    public string ServerId => VolumeId;
}
