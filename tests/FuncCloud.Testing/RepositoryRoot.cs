namespace FuncCloud.Testing;

/// <summary>Finds the checkout's root (the folder holding FuncCloud.sln) from the test binaries.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "FuncCloud.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"FuncCloud.sln not found above {AppContext.BaseDirectory}.");
    });

    /// <summary>The absolute path of the checkout.</summary>
    public static string Path => Root.Value;
}
