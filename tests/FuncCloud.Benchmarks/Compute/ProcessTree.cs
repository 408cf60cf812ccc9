using System.Globalization;

namespace FuncCloud.Benchmarks.Compute;

/// <summary>CPU seconds (user + system) of a process and all its descendants, from /proc (Linux only; 0 elsewhere).</summary>
public static class ProcessTree
{
    public static double CpuSeconds(int rootPid)
    {
        var ticks = 0L;
        var pending = new Stack<int>([rootPid]);
        while (pending.Count > 0)
        {
            var pid = pending.Pop();
            try
            {
                // Fields after the command name "(...)": state is field 3, utime 14, stime 15.
                var stat = File.ReadAllText($"/proc/{pid}/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                foreach (var task in Directory.GetDirectories($"/proc/{pid}/task"))
                {
                    var children = File.ReadAllText(Path.Combine(task, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    foreach (var child in children)
                    {
                        pending.Push(int.Parse(child, CultureInfo.InvariantCulture));
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                // Gone meanwhile (or not Linux).
            }
        }

        return ticks / 100.0; // USER_HZ is 100 on Linux
    }
}
