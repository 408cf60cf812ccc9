using FuncCloud.Agent.Images;
using FuncCloud.Agent.Storage;
using FuncCloud.Shared.Agents.Commands;

namespace FuncCloud.Agent.Commands.Handlers.Storage;

/// <summary>
/// Creates a volume: empty, from a snapshot, a clone, or from an image that the node's <see cref="ImageCache"/>
/// downloads (verified, shared with the compute role) and the driver converts. The drivers build all or nothing and
/// accept a redelivered create of the same size.
/// </summary>
public sealed class CreateVolumeHandler(ImageCache images) : VolumeCommandHandler<CreateVolumeCommand>
{
    protected override async Task<object> ExecuteAsync(CreateVolumeCommand payload, IVolumeDriver driver, CommandExecution execution, CancellationToken cancellationToken)
    {
        var format = FormatOf(payload.Format);
        if (payload.SnapshotId is { } snapshot)
        {
            execution.Step = "volume_driver.create_volume_from_snapshot";
            await driver.CreateVolumeFromSnapshotAsync(payload.VolumeId, snapshot, payload.SizeGb, format, cancellationToken);
        }
        else if (payload.SourceVolumeId is { } source)
        {
            execution.Step = "volume_driver.create_cloned_volume";
            await driver.CloneVolumeAsync(payload.VolumeId, source, payload.SizeGb, format, cancellationToken);
        }
        else if (payload.ImageId is { } image)
        {
            execution.Step = "image_cache.fetch";
            var path = await images.GetAsync(image, cancellationToken);
            execution.Step = "volume_driver.copy_image_to_volume";
            await driver.ImportImageAsync(payload.VolumeId, path, payload.ImageDiskFormat ?? "raw", payload.SizeGb, format, cancellationToken);
        }
        else
        {
            execution.Step = "volume_driver.create_volume";
            await driver.CreateVolumeAsync(payload.VolumeId, payload.SizeGb, format, cancellationToken);
        }

        return await SizeOutputAsync(driver, execution, payload.VolumeId, cancellationToken);
    }
}
