namespace FuncCloud.Shared.Compute.Servers;

/// <summary>
/// The flavor a server was built with, copied into the server (nova embeds it in the instance) so that later
/// flavor edits or deletion never change a running server.
/// </summary>
public sealed record ServerFlavor(
    string Id,
    string Name,
    int Vcpus,
    int RamMb,
    int DiskGb,
    int EphemeralGb,
    int SwapMb,
    IReadOnlyDictionary<string, string> ExtraSpecs)
{
    /// <summary>The sizes a compute driver needs.</summary>
    public FlavorSpec ToSpec() => new(Name, Vcpus, RamMb, DiskGb, EphemeralGb, SwapMb);
}
