using System.Text.Json;
using System.Text.Json.Serialization;

namespace FuncCloud.Functions.Alarming.Api;

/// <summary>Aodh's wire conventions: snake_case, and nulls kept where wsme writes them (e.g. <c>debuginfo</c>, <c>description</c>).</summary>
public static class AodhJson
{
    /// <summary>Options for error bodies (nothing omitted).</summary>
    public static readonly JsonSerializerOptions Errors = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };
}
