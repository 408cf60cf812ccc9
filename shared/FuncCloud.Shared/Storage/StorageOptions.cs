namespace FuncCloud.Shared.Storage;

/// <summary>Where FuncCloud keeps its state, bound from configuration.</summary>
public sealed class StorageOptions
{
    /// <summary>The configuration key Azure Functions uses for its own storage account.</summary>
    public const string ConnectionSettingName = "AzureWebJobsStorage";

    /// <summary>Storage account connection string (Azurite locally).</summary>
    public string ConnectionString { get; set; } = "UseDevelopmentStorage=true";

    /// <summary>Prefix applied to every queue and table name (empty in production).</summary>
    public string Prefix { get; set; } = string.Empty;
}
