namespace FuncCloud.Testing;

/// <summary>An exclusive lock between processes, held as an open file with no sharing.</summary>
public sealed class InterProcessLock : IDisposable
{
    private readonly FileStream _stream;

    private InterProcessLock(FileStream stream) => _stream = stream;

    /// <summary>Waits (up to 10 minutes) until the lock file can be opened exclusively.</summary>
    public static async Task<InterProcessLock> AcquireAsync(string path)
    {
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (true)
        {
            try
            {
                return new InterProcessLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();
}
