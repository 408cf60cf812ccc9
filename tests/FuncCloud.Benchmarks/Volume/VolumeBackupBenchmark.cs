using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace FuncCloud.Benchmarks.Volume;

/// <summary>
/// Backup hot path: each volume backed up one at a time (create-to-available: the storage node streams the volume
/// into blobs), then every backup deleted at once (delete-to-gone: blobs and record).
/// </summary>
public static class VolumeBackupBenchmark
{
    /// <summary>Backs <paramref name="volumes"/> up one at a time, then deletes the backups; prints both rows.</summary>
    public static async Task RunAsync(HttpClient client, string root, IReadOnlyList<string> volumes, Action<string, List<double>, TimeSpan> print)
    {
        var made = new List<string>();
        try
        {
            var creates = new List<double>();
            var clock = Stopwatch.StartNew();
            foreach (var volume in volumes)
            {
                var one = Stopwatch.StartNew();
                var response = await client.PostAsJsonAsync($"{root}/backups", new { backup = new { volume_id = volume, name = "bench-backup" } });
                var text = await response.Content.ReadAsStringAsync();
                var id = response.IsSuccessStatusCode
                    ? JsonDocument.Parse(text).RootElement.GetProperty("backup").GetProperty("id").GetString()!
                    : throw new InvalidOperationException($"backup create: {(int)response.StatusCode} {text}");
                made.Add(id);
                await UntilAsync(async () => await StatusAsync(client, root, id) is "available" or "error" && await VolumeStatusAsync(client, root, volume) == "available", $"backup {id}", one);
                if (await StatusAsync(client, root, id) != "available")
                {
                    throw new InvalidOperationException($"backup {id} ended in error");
                }

                creates.Add(one.Elapsed.TotalMilliseconds);
            }

            print("backup-create-to-available (seq)", creates, clock.Elapsed);
            clock.Restart();
            var deletes = await Task.WhenAll(made.Select(async id =>
            {
                var one = Stopwatch.StartNew();
                (await client.DeleteAsync($"{root}/backups/{id}")).EnsureSuccessStatusCode();
                await UntilAsync(async () => (await client.GetAsync($"{root}/backups/{id}")).StatusCode == System.Net.HttpStatusCode.NotFound, $"backup {id} to go", one);
                return one.Elapsed.TotalMilliseconds;
            }));
            made.Clear();
            print($"backup-delete-to-gone (x{deletes.Length} at once)", [.. deletes], clock.Elapsed);
        }
        finally
        {
            foreach (var id in made)
            {
                await client.DeleteAsync($"{root}/backups/{id}");
            }
        }
    }

    private static async Task<string?> StatusAsync(HttpClient client, string root, string id) =>
        (await client.GetFromJsonAsync<JsonElement>($"{root}/backups/{id}")).GetProperty("backup").GetProperty("status").GetString();

    private static async Task<string?> VolumeStatusAsync(HttpClient client, string root, string id) =>
        (await client.GetFromJsonAsync<JsonElement>($"{root}/volumes/{id}")).GetProperty("volume").GetProperty("status").GetString();

    private static async Task UntilAsync(Func<Task<bool>> condition, string what, Stopwatch clock)
    {
        while (!await condition())
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(2))
            {
                throw new TimeoutException($"{what} not done after 2 minutes");
            }

            await Task.Delay(20);
        }
    }
}
