namespace FuncCloud.LocalHost.Hosting;

/// <summary>
/// Loads host.json into configuration under <c>AzureFunctionsJobHost</c>, the section the Functions host
/// uses, so that app settings such as <c>AzureFunctionsJobHost__extensions__durableTask__hubName</c>
/// override it exactly as they do on Azure.
/// </summary>
public static class HostJsonConfiguration
{
    /// <summary>The configuration section that holds host.json.</summary>
    public const string Section = "AzureFunctionsJobHost";

    /// <summary>Adds host.json (from the app folder, or <c>FUNCCLOUD_HOST_JSON</c>) below the other sources.</summary>
    public static IConfigurationBuilder AddHostJson(this IConfigurationManager configuration, string? path = null)
    {
        path ??= Environment.GetEnvironmentVariable("FUNCCLOUD_HOST_JSON") ?? Path.Combine(AppContext.BaseDirectory, "host.json");
        if (!File.Exists(path))
        {
            return configuration;
        }

        // host.json is the lowest-priority source: app settings and environment variables override it.
        var json = new ConfigurationBuilder().AddJsonFile(path, optional: false).Build();
        var data = json.AsEnumerable()
            .Where(pair => pair.Value is not null)
            .Select(pair => new KeyValuePair<string, string?>($"{Section}:{pair.Key}", pair.Value));
        configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = data });
        return configuration;
    }
}
