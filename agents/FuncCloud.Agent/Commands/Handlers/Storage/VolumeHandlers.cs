using FuncCloud.Agent.Storage;
using FuncCloud.Shared.Agents.Commands;

namespace FuncCloud.Agent.Commands.Handlers.Storage;

/// <summary>Deletes a volume (its export too) and, for a cascade, its snapshots; missing ones succeed.</summary>
public sealed class DeleteVolumeHandler : VolumeCommandHandler<DeleteVolumeCommand>
{
    protected override async Task<object> ExecuteAsync(DeleteVolumeCommand payload, IVolumeDriver driver, CommandExecution execution, CancellationToken cancellationToken)
    {
        execution.Step = "volume_driver.delete_snapshot";
        foreach (var snapshot in payload.SnapshotIds)
        {
            await driver.DeleteSnapshotAsync(snapshot, cancellationToken);
        }

        execution.Step = "volume_driver.delete_volume";
        await driver.DeleteVolumeAsync(payload.VolumeId, cancellationToken);
        return new VolumeCommandOutput(payload.VolumeId, 0);
    }
}

/// <summary>Grows a volume; a volume already at the size (a redelivery) is left alone.</summary>
public sealed class ExtendVolumeHandler : VolumeCommandHandler<ExtendVolumeCommand>
{
    private const long Gib = 1L << 30;

    protected override async Task<object> ExecuteAsync(ExtendVolumeCommand payload, IVolumeDriver driver, CommandExecution execution, CancellationToken cancellationToken)
    {
        execution.Step = "volume_driver.get_size";
        if (await driver.GetVolumeSizeBytesAsync(payload.VolumeId, cancellationToken) < payload.NewSizeGb * Gib)
        {
            execution.Step = "volume_driver.extend_volume";
            await driver.ExtendVolumeAsync(payload.VolumeId, payload.NewSizeGb, cancellationToken);
        }

        return await SizeOutputAsync(driver, execution, payload.VolumeId, cancellationToken);
    }
}

/// <summary>Snapshots a volume.</summary>
public sealed class CreateVolumeSnapshotHandler : VolumeCommandHandler<CreateVolumeSnapshotCommand>
{
    protected override async Task<object> ExecuteAsync(CreateVolumeSnapshotCommand payload, IVolumeDriver driver, CommandExecution execution, CancellationToken cancellationToken)
    {
        execution.Step = "volume_driver.create_snapshot";
        await driver.CreateSnapshotAsync(payload.SnapshotId, payload.VolumeId, cancellationToken);
        return new VolumeCommandOutput(payload.SnapshotId, 0);
    }
}

/// <summary>Deletes a snapshot; missing succeeds.</summary>
public sealed class DeleteVolumeSnapshotHandler : VolumeCommandHandler<DeleteVolumeSnapshotCommand>
{
    protected override async Task<object> ExecuteAsync(DeleteVolumeSnapshotCommand payload, IVolumeDriver driver, CommandExecution execution, CancellationToken cancellationToken)
    {
        execution.Step = "volume_driver.delete_snapshot";
        await driver.DeleteSnapshotAsync(payload.SnapshotId, cancellationToken);
        return new VolumeCommandOutput(payload.SnapshotId, 0);
    }
}

/// <summary>Exports a volume to a compute node (<c>create_export</c> + <c>initialize_connection</c>); re-exporting reuses the export.</summary>
public sealed class ExportVolumeHandler : VolumeCommandHandler<ExportVolumeCommand>
{
    protected override async Task<object> ExecuteAsync(ExportVolumeCommand payload, IVolumeDriver driver, CommandExecution execution, CancellationToken cancellationToken)
    {
        execution.Step = "volume_driver.initialize_connection";
        var sameNode = string.Equals(payload.ConnectorHost, execution.NodeName, StringComparison.Ordinal);
        var c = await driver.ExportAsync(payload.VolumeId, new VolumeConnector(payload.ConnectorHost, sameNode), cancellationToken);
        return new VolumeConnectionInfo(c.DriverVolumeType, c.Path, c.TargetPortal, c.TargetIqn, c.TargetLun, c.Format);
    }
}

/// <summary>Removes a volume's export (<c>terminate_connection</c> + <c>remove_export</c>); none succeeds.</summary>
public sealed class UnexportVolumeHandler : VolumeCommandHandler<UnexportVolumeCommand>
{
    protected override async Task<object> ExecuteAsync(UnexportVolumeCommand payload, IVolumeDriver driver, CommandExecution execution, CancellationToken cancellationToken)
    {
        execution.Step = "volume_driver.remove_export";
        await driver.UnexportAsync(payload.VolumeId, cancellationToken);
        return new VolumeCommandOutput(payload.VolumeId, 0);
    }
}
