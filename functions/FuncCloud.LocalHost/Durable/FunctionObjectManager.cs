using DurableTask.Core;

namespace FuncCloud.LocalHost.Durable;

/// <summary>
/// Looks orchestrations and activities up by name only, case-insensitively, as the Functions host does:
/// functions have no DTFx versions, so a version stamped on a scheduled task never hides its function.
/// </summary>
internal sealed class FunctionObjectManager<T> : INameVersionObjectManager<T>
{
    private readonly Dictionary<string, ObjectCreator<T>> _creators = new(StringComparer.OrdinalIgnoreCase);

    public void Add(ObjectCreator<T> creator)
    {
        if (!_creators.TryAdd(creator.Name, creator))
        {
            throw new InvalidOperationException($"A durable function named '{creator.Name}' is already registered.");
        }
    }

    public T? GetObject(string name, string? version) =>
        _creators.TryGetValue(name, out var creator) ? creator.Create() : default;
}

/// <summary>An <see cref="ObjectCreator{T}"/> that calls a factory: one new instance per work item.</summary>
internal sealed class FunctionObjectCreator<T> : ObjectCreator<T>
{
    private readonly Func<T> _create;

    public FunctionObjectCreator(string name, Func<T> create)
    {
        Name = name;
        Version = string.Empty;
        _create = create;
    }

    public override T Create() => _create();
}
