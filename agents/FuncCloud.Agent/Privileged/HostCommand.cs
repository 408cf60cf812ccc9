using System.Diagnostics;

namespace FuncCloud.Agent.Privileged;

/// <summary>The outcome of a host command.</summary>
public sealed record HostCommandResult(int ExitCode, string StandardOutput, string StandardError);

/// <summary>A host command exited non-zero; the message names the command and carries its stderr.</summary>
public sealed class HostCommandException(string command, HostCommandResult result)
    : Exception($"{command} failed with exit code {result.ExitCode}: {result.StandardError.Trim()}")
{
    /// <summary>The result.</summary>
    public HostCommandResult Result { get; } = result;
}

/// <summary>
/// Runs the agent's privileged host commands (<c>qemu-img</c>, <c>tgtadm</c> …) as argv arrays, never through a
/// shell, so no volume name or path can inject anything.
/// </summary>
public sealed class HostCommand
{
    /// <summary>Runs <paramref name="file"/> with <paramref name="args"/>; throws unless it exits 0.</summary>
    /// <exception cref="HostCommandException">Non-zero exit.</exception>
    public async Task<HostCommandResult> RunAsync(string file, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var result = await TryRunAsync(file, args, cancellationToken);
        return result.ExitCode == 0 ? result : throw new HostCommandException($"{file} {string.Join(' ', args)}", result);
    }

    /// <summary>Runs <paramref name="file"/> with <paramref name="args"/> and returns whatever it exited with.</summary>
    public async Task<HostCommandResult> TryRunAsync(string file, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new HostCommandResult(process.ExitCode, await stdout, await stderr);
    }
}
