namespace FuncCloud.Shared.Compute.Servers;

/// <summary>
/// Why a server is in ERROR (nova's instance fault): what failed and where. <paramref name="Details"/> is the
/// traceback-like detail (step, node, agent fault) shown to admins, and to everyone when the code is not 500.
/// </summary>
public sealed record ServerFault(int Code, string Message, string? Details, DateTimeOffset Created);
