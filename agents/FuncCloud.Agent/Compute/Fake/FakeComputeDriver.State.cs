using System.Text.Json;
using FuncCloud.Shared.Agents;
using FuncCloud.Shared.Compute;

namespace FuncCloud.Agent.Compute.Fake;

// The Fake hypervisor keeps its instances in the node's state folder, as a real hypervisor keeps its
// domains: an agent restart (or `./funccloud down && up`) finds them again instead of leaving servers that
// the database calls ACTIVE and the node does not know. Instances still building are not kept: a spawn
// interrupted by the stop is redelivered and starts over, as the spawn contract (all or nothing) wants.
public sealed partial class FakeComputeDriver
{
    /// <summary>The file the instances are kept in, or null when they live in memory only.</summary>
    public string? StateFile { get; }

    private void Load()
    {
        if (StateFile is null || !File.Exists(StateFile))
        {
            return;
        }

        var saved = JsonSerializer.Deserialize<List<SavedInstance>>(File.ReadAllText(StateFile), AgentJson.Options) ?? [];
        foreach (var instance in saved)
        {
            var restored = new FakeInstance(instance.Spec, string.Empty)
            {
                State = instance.State,
                Flavor = instance.Flavor,
                PreviousFlavor = instance.PreviousFlavor,
            };
            restored.Console.Clear();
            restored.Console.AddRange(instance.Console);
            foreach (var (volume, device) in instance.Volumes ?? [])
            {
                restored.Volumes[volume] = device;
            }
            _instances[instance.Spec.ServerId] = restored;
        }
    }

    // Called under _gate after every change; write-then-rename, so a crash leaves the old or the new file.
    private void Save()
    {
        if (StateFile is null)
        {
            return;
        }

        var saved = _instances.Values
            .Where(i => i.State != PowerState.NoState)
            .Select(i => new SavedInstance(i.Spec, i.State, i.Flavor, i.PreviousFlavor, [.. i.Console], new Dictionary<string, string>(i.Volumes)))
            .ToList();
        Directory.CreateDirectory(Path.GetDirectoryName(StateFile)!);
        var temporary = StateFile + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(saved, AgentJson.Options));
        File.Move(temporary, StateFile, overwrite: true);
    }

    private sealed record SavedInstance(InstanceSpec Spec, PowerState State, FlavorSpec Flavor, FlavorSpec? PreviousFlavor, List<string> Console, Dictionary<string, string>? Volumes = null);
}
