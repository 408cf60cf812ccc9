using System.Text;

namespace FuncCloud.Shared.Storage;

/// <summary>
/// Maps logical queue and table names onto physical ones under an optional prefix, so that several
/// deployments (or test classes) can share one storage account without seeing each other's data.
/// </summary>
public sealed class StorageNames
{
    /// <summary>Creates a mapper; <paramref name="prefix"/> may be empty.</summary>
    public StorageNames(string? prefix)
    {
        Prefix = new string((prefix ?? string.Empty).ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());
    }

    /// <summary>The sanitised prefix (lower-case letters and digits only).</summary>
    public string Prefix { get; }

    /// <summary>Queue names: 3-63 chars, lower-case letters, digits and single dashes.</summary>
    public string Queue(string logicalName)
    {
        var name = Prefix.Length == 0 ? logicalName.ToLowerInvariant() : $"{Prefix}-{logicalName.ToLowerInvariant()}";
        return name.Length <= 63 ? name : name[..63].TrimEnd('-');
    }

    /// <summary>Blob container names: the same rules as queue names.</summary>
    public string Container(string logicalName) => Queue(logicalName);

    /// <summary>Table names: 3-63 chars, letters and digits only, starting with a letter.</summary>
    public string Table(string logicalName)
    {
        var builder = new StringBuilder(Prefix.Length == 0 ? string.Empty : "t" + Prefix);
        foreach (var c in logicalName)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
        }

        var name = builder.ToString();
        return name.Length <= 63 ? name : name[..63];
    }
}
