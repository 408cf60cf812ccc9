using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace FuncCloud.LocalHost.Catalog;

/// <summary>
/// Every <c>[Function]</c> of the given assemblies, discovered once by its trigger attribute. This is the
/// only list of functions the local host has: HTTP routes, queue pumps, timers and durable registrations
/// are all derived from it, as the Functions host derives them from the generated metadata.
/// </summary>
public sealed class FunctionCatalog
{
    private readonly Dictionary<string, FunctionDescriptor> _byName;

    private FunctionCatalog(IReadOnlyList<FunctionDescriptor> functions)
    {
        Functions = functions;
        _byName = functions.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>All functions, in discovery order.</summary>
    public IReadOnlyList<FunctionDescriptor> Functions { get; }

    /// <summary>Functions whose trigger attribute is <typeparamref name="T"/>.</summary>
    public IEnumerable<(FunctionDescriptor Function, T Trigger)> WithTrigger<T>() where T : Attribute =>
        Functions.Where(f => f.Trigger is T).Select(f => (f, (T)f.Trigger));

    /// <summary>Looks a function up by name (case-insensitive, like the Functions host).</summary>
    public FunctionDescriptor? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Discovers the functions of <paramref name="assemblies"/>.</summary>
    /// <exception cref="InvalidOperationException">A function has no trigger, two triggers, or a duplicate name.</exception>
    public static FunctionCatalog Discover(IEnumerable<Assembly> assemblies)
    {
        var functions = new List<FunctionDescriptor>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var assembly in assemblies.Distinct())
        {
            foreach (var type in assembly.GetExportedTypes().Where(t => t.IsClass))
            {
                foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
                {
                    var function = method.GetCustomAttribute<FunctionAttribute>();
                    if (function is null)
                    {
                        continue;
                    }

                    var descriptor = Describe(function.Name, method);
                    if (!names.Add(descriptor.Name))
                    {
                        throw new InvalidOperationException($"Two functions are named '{descriptor.Name}' ({type.FullName}.{method.Name}).");
                    }

                    functions.Add(descriptor);
                }
            }
        }

        return new FunctionCatalog(functions);
    }

    private static FunctionDescriptor Describe(string name, MethodInfo method)
    {
        var triggers = method.GetParameters()
            .SelectMany(p => p.GetCustomAttributes().Where(IsTrigger).Select(a => (Parameter: p, Attribute: a)))
            .ToList();
        return triggers.Count switch
        {
            1 => new FunctionDescriptor(name, method, triggers[0].Parameter, triggers[0].Attribute),
            0 => throw new InvalidOperationException($"Function '{name}' ({method.DeclaringType?.FullName}.{method.Name}) has no trigger parameter."),
            _ => throw new InvalidOperationException($"Function '{name}' ({method.DeclaringType?.FullName}.{method.Name}) has more than one trigger."),
        };
    }

    private static bool IsTrigger(Attribute attribute) => attribute is TriggerBindingAttribute;
}
