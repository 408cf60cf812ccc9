using System.Collections.Immutable;
using FuncCloud.LocalHost.Catalog;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.LocalHost.Invocation;

/// <summary>
/// The <see cref="FunctionContext"/> a function sees when the local host invokes it. It carries what
/// function code actually uses: ids, the scoped service provider (for <c>GetLogger</c>), items, binding
/// data and the cancellation token.
/// </summary>
public sealed class LocalFunctionContext : FunctionContext
{
    /// <summary>Creates the context of one invocation.</summary>
    public LocalFunctionContext(FunctionDescriptor function, IServiceProvider services, IReadOnlyDictionary<string, object?> bindingData, CancellationToken cancellationToken, int retryCount = 0, int maxRetryCount = 0)
    {
        InvocationId = Guid.NewGuid().ToString();
        FunctionDefinition = new LocalFunctionDefinition(function);
        InstanceServices = services;
        BindingContext = new LocalBindingContext(bindingData);
        CancellationToken = cancellationToken;
        RetryContext = new LocalRetryContext(retryCount, maxRetryCount);
    }

    /// <inheritdoc />
    public override string InvocationId { get; }

    /// <inheritdoc />
    public override string FunctionId => FunctionDefinition.Id;

    /// <inheritdoc />
    public override TraceContext TraceContext { get; } = new LocalTraceContext();

    /// <inheritdoc />
    public override BindingContext BindingContext { get; }

    /// <inheritdoc />
    public override RetryContext RetryContext { get; }

    /// <inheritdoc />
    public override IServiceProvider InstanceServices { get; set; }

    /// <inheritdoc />
    public override FunctionDefinition FunctionDefinition { get; }

    /// <inheritdoc />
    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    /// <inheritdoc />
    public override IInvocationFeatures Features { get; } = new LocalInvocationFeatures();

    /// <inheritdoc />
    public override CancellationToken CancellationToken { get; }

    private sealed class LocalFunctionDefinition(FunctionDescriptor function) : FunctionDefinition
    {
        public override ImmutableArray<FunctionParameter> Parameters { get; } =
            function.Method.GetParameters().Select(p => new FunctionParameter(p.Name ?? string.Empty, p.ParameterType)).ToImmutableArray();

        public override string PathToAssembly => function.Method.DeclaringType?.Assembly.Location ?? string.Empty;

        public override string EntryPoint => $"{function.Method.DeclaringType?.FullName}.{function.Method.Name}";

        public override string Id => function.Name;

        public override string Name => function.Name;

        public override IImmutableDictionary<string, BindingMetadata> InputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;

        public override IImmutableDictionary<string, BindingMetadata> OutputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;
    }

    private sealed class LocalBindingContext(IReadOnlyDictionary<string, object?> data) : BindingContext
    {
        public override IReadOnlyDictionary<string, object?> BindingData => data;
    }

    private sealed class LocalRetryContext(int retryCount, int maxRetryCount) : RetryContext
    {
        public override int RetryCount => retryCount;

        public override int MaxRetryCount => maxRetryCount;
    }

    private sealed class LocalTraceContext : TraceContext
    {
        public override string TraceParent => System.Diagnostics.Activity.Current?.Id ?? string.Empty;

        public override string TraceState => System.Diagnostics.Activity.Current?.TraceStateString ?? string.Empty;
    }

    private sealed class LocalInvocationFeatures : IInvocationFeatures
    {
        private readonly Dictionary<Type, object> _features = [];

        public T? Get<T>() => _features.TryGetValue(typeof(T), out var value) ? (T)value : default;

        public void Set<T>(T instance)
        {
            if (instance is null)
            {
                _features.Remove(typeof(T));
            }
            else
            {
                _features[typeof(T)] = instance;
            }
        }

        public IEnumerator<KeyValuePair<Type, object>> GetEnumerator() => _features.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
