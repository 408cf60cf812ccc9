using System.Text.RegularExpressions;

namespace FuncCloud.LocalHost.Hosting;

/// <summary>
/// Resolves <c>%Setting%</c> expressions in trigger attributes (queue names, schedules) from configuration,
/// as the Functions host does when it indexes a function: every <c>%name%</c> is replaced by the app setting
/// <c>name</c>, and an unknown setting is an indexing error of that function.
/// </summary>
public static partial class AppSettingExpression
{
    /// <summary>Replaces every <c>%name%</c> in <paramref name="expression"/> with its setting.</summary>
    /// <exception cref="InvalidOperationException">A referenced setting is missing or empty.</exception>
    public static string Resolve(string expression, IConfiguration configuration) =>
        Placeholder().Replace(expression, match =>
        {
            var name = match.Groups[1].Value;
            var value = configuration[name];
            return string.IsNullOrEmpty(value)
                ? throw new InvalidOperationException($"The app setting '{name}' referenced by '{expression}' is not set.")
                : value;
        });

    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex Placeholder();
}
