namespace FuncCloud.Durable;

/// <summary>Marker type: the assembly holding FuncCloud's orchestrator and activity functions.</summary>
public static class DurableAssembly;
