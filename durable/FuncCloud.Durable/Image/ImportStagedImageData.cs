using FuncCloud.Shared.Image;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Durable.Image;

/// <summary>Activity: copies the staged data into the image (hashing it) and activates the image.</summary>
public sealed class ImportStagedImageData(ImageImporter importer)
{
    [Function(ImageWorkflows.ImportStagedData)]
    public async Task RunAsync([ActivityTrigger] ImageImportInput input, CancellationToken cancellationToken) =>
        await importer.ImportAsync(input, cancellationToken);
}
