using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.Storage;
using Azure.Data.Tables;

namespace FuncCloud.Shared.Compute.Api;

/// <summary>
/// The table holding the compute API's own documents (flavors, quotas, key pairs, aggregates, server
/// groups), one partition per kind (or per owner where it scales better).
/// </summary>
public sealed class ComputeApiTable(TableServiceClient service, StorageNames names)
{
    /// <summary>The logical table name.</summary>
    public const string LogicalName = "ComputeApi";

    /// <summary>The documents.</summary>
    public DocumentTable Documents { get; } = new(service, names, LogicalName, OpenStackJson.Storage);
}
