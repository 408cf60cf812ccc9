using FuncCloud.Functions.Network.Api;

namespace FuncCloud.Functions.Network.Functions.Tags;

/// <summary>Neutron's tag rules: non-empty, at most 255 characters, no comma or slash (they delimit filters and URLs).</summary>
public static class TagRules
{
    /// <summary>400 for an invalid tag.</summary>
    public static void Validate(IEnumerable<string> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Length is 0 or > 255 || tag.Contains(',') || tag.Contains('/'))
            {
                throw NeutronException.BadRequest($"Invalid input for operation: '{tag}' is not a valid tag.", "InvalidInput");
            }
        }
    }
}
