namespace FuncCloud.Shared.Image;

/// <summary>Names of the glance-direct import workflow's functions (orchestrator and activities).</summary>
public static class ImageWorkflows
{
    /// <summary>The orchestrator.</summary>
    public const string ImportOrchestration = "ImportImageOrchestration";

    /// <summary>Moves the staged data into the image's data blob and activates the image.</summary>
    public const string ImportStagedData = "ImportStagedImageData";

    /// <summary>Compensation: back to queued, staged data discarded.</summary>
    public const string FailImport = "FailImageImport";

    /// <summary>The instance id of an image's import: one per image, so a retried import call never starts twice.</summary>
    public static string ImportInstanceId(string imageId) => "image-import-" + imageId;
}

/// <summary>The input of the import orchestration and of its data activity.</summary>
public sealed record ImageImportInput(string ImageId, string Method, long MaxBytes);

/// <summary>The input of the compensation activity.</summary>
public sealed record ImageImportFailure(string ImageId, string Reason);
