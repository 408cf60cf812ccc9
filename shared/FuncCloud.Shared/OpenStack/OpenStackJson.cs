using System.Text.Json;
using System.Text.Json.Serialization;

namespace FuncCloud.Shared.OpenStack;

/// <summary>The JSON conventions of the OpenStack wire: snake_case names, nulls omitted.</summary>
public static class OpenStackJson
{
    /// <summary>Options for request and response bodies.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Options for stored documents (same naming, nulls kept so documents round-trip).</summary>
    public static readonly JsonSerializerOptions Storage = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };
}
