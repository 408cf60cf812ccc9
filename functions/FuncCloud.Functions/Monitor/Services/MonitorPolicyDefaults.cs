using FuncCloud.Shared.Security.Policy;

namespace FuncCloud.Functions.Monitor.Services;

/// <summary>
/// The monitor's rules: workflows cross every project and carry their inputs, so reading them is an
/// operator's job (admin), as is acting on them. Deployments may open <c>monitor:read</c> to readers.
/// </summary>
public sealed class MonitorPolicyDefaults : IPolicyDefaults
{
    public const string Read = "monitor:read";
    public const string Operate = "monitor:operate";

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> Rules { get; } = new Dictionary<string, string>
    {
        [Read] = "role:admin",
        [Operate] = "role:admin",
    };
}
