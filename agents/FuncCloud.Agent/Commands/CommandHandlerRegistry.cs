namespace FuncCloud.Agent.Commands;

/// <summary>The registered <see cref="ICommandHandler"/>s by kind.</summary>
public sealed class CommandHandlerRegistry(IEnumerable<ICommandHandler> handlers)
{
    private readonly Dictionary<string, ICommandHandler> _byKind = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);

    /// <summary>The handler of <paramref name="kind"/>, or null when this agent does not know the kind.</summary>
    public ICommandHandler? Find(string kind) => _byKind.GetValueOrDefault(kind);
}
