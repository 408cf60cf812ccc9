namespace FuncCloud.Shared.Storage;

/// <summary>
/// Creates a storage resource (a table, a blob container) once, on first use. Unlike a <c>Lazy&lt;Task&gt;</c>, a
/// creation that failed (a transient storage error answered as the service's 503) is tried again by the next
/// caller instead of failing every later call of the process with the same cached exception.
/// </summary>
public sealed class CreateOnce(Func<Task> create)
{
    private readonly Lock _gate = new();
    private Task? _task;

    /// <summary>The creation: running or done, or started anew when the last attempt failed.</summary>
    public Task Value
    {
        get
        {
            lock (_gate)
            {
                if (_task is null || _task.IsFaulted || _task.IsCanceled)
                {
                    _task = create();
                }

                return _task;
            }
        }
    }
}
