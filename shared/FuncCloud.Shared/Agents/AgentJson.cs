using System.Text.Json;
using System.Text.Json.Serialization;

namespace FuncCloud.Shared.Agents;

/// <summary>The one JSON configuration of every agent queue message and journal line.</summary>
public static class AgentJson
{
    /// <summary>camelCase web defaults, enums as camelCase strings, nulls omitted.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
