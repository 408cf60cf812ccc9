namespace FuncCloud.Functions;

/// <summary>Marker type: the assembly holding FuncCloud's HTTP, queue and timer functions.</summary>
public static class FunctionsAssembly;
