using FuncCloud.Shared.Image;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Durable.Image;

/// <summary>Activity (compensation): the image goes back to queued and its staged data is discarded.</summary>
public sealed class FailImageImport(ImageImporter importer)
{
    [Function(ImageWorkflows.FailImport)]
    public Task RunAsync([ActivityTrigger] ImageImportFailure failure, CancellationToken cancellationToken) =>
        importer.FailAsync(failure, cancellationToken);
}
