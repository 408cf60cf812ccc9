using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using FuncCloud.Testing;

namespace FuncCloud.Benchmarks.Volume;

/// <summary>
/// Block storage hot path through the HTTP API: create-to-available p50/p95 one at a time, then backups of up to ten of them (create-to-available, delete-to-gone), then a burst of
/// concurrent creates, then delete-to-gone; the volumes quota of the project is lifted for the run and
/// restored after, and every volume made is deleted.
/// </summary>
public static class VolumeBenchmark
{
    /// <summary>Runs <paramref name="count"/> sequential creates and a burst of <paramref name="concurrency"/>.</summary>
    public static async Task RunAsync(Uri baseAddress, string user, string password, string project, int count, int concurrency, string? imageId = null)
    {
        using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(5) };
        var token = await KeystoneTokens.PasswordTokenAsync(client, user, password, project);
        client.DefaultRequestHeaders.Add("X-Auth-Token", token);
        var projectId = await ProjectIdAsync(client, token);
        var root = $"/volume/v3/{projectId}";
        (await client.PutAsync($"{root}/os-quota-sets/{projectId}", Json("""{"quota_set": {"volumes": -1, "gigabytes": -1, "backups": -1, "backup_gigabytes": -1}}"""))).EnsureSuccessStatusCode();
        var made = new List<string>();
        try
        {
            Console.WriteLine($"{"scenario",-34} {"n",4} {"p50 ms",8} {"p95 ms",8} {"max ms",8} {"total s",8}");
            var sequential = new List<double>();
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < count; i++)
            {
                var (id, ms) = await CreateAsync(client, root, $"bench-seq-{i}");
                made.Add(id);
                sequential.Add(ms);
            }

            Print("create-to-available (sequential)", sequential, clock.Elapsed);
            await VolumeBackupBenchmark.RunAsync(client, root, made.Take(10).ToList(), Print);

            if (imageId is not null)
            {
                await AttachDetachAsync(client, root, imageId, made.Take(20).ToList());
            }

            await AttachmentsApiAsync(client, root, made.Take(20).ToList());

            clock.Restart();
            var burst = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(i => CreateAsync(client, root, $"bench-burst-{i}")));
            made.AddRange(burst.Select(b => b.Id));
            Print($"create-to-available (x{concurrency} at once)", [.. burst.Select(b => b.Ms)], clock.Elapsed);

            clock.Restart();
            var deletes = await Task.WhenAll(made.Select(id => DeleteAsync(client, root, id)));
            Print($"delete-to-gone (x{made.Count} at once)", [.. deletes], clock.Elapsed);
            made.Clear();
        }
        finally
        {
            foreach (var id in made)
            {
                await client.DeleteAsync($"{root}/volumes/{id}");
            }

            await client.DeleteAsync($"{root}/os-quota-sets/{projectId}");
        }
    }

    // One server; each volume attached (POST → in-use) then detached (DELETE → available), one at a time.
    private static async Task AttachDetachAsync(HttpClient client, string root, string imageId, List<string> volumes)
    {
        var boot = new JsonObject { ["server"] = new JsonObject { ["name"] = "bench-attach", ["flavorRef"] = "1", ["imageRef"] = imageId, ["networks"] = "none" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/compute/v2.1/servers") { Content = JsonContent.Create(boot) };
        request.Headers.Add("X-OpenStack-Nova-API-Version", "2.37");
        using var booted = await client.SendAsync(request);
        var bootText = await booted.Content.ReadAsStringAsync();
        var serverId = booted.IsSuccessStatusCode
            ? JsonDocument.Parse(bootText).RootElement.GetProperty("server").GetProperty("id").GetString()!
            : throw new InvalidOperationException($"boot: {(int)booted.StatusCode} {bootText}");
        try
        {
            var wait = Stopwatch.StartNew();
            while ((await client.GetFromJsonAsync<JsonElement>($"/compute/v2.1/servers/{serverId}")).GetProperty("server").GetProperty("status").GetString() != "ACTIVE")
            {
                if (wait.Elapsed > TimeSpan.FromMinutes(2))
                {
                    throw new TimeoutException($"server {serverId} not ACTIVE after 2 minutes");
                }

                await Task.Delay(50);
            }

            var attaches = new List<double>();
            var detaches = new List<double>();
            var clock = Stopwatch.StartNew();
            foreach (var volume in volumes)
            {
                var one = Stopwatch.StartNew();
                using (var attached = await client.PostAsync($"/compute/v2.1/servers/{serverId}/os-volume_attachments", JsonContent.Create(new JsonObject { ["volumeAttachment"] = new JsonObject { ["volumeId"] = volume } })))
                {
                    if (!attached.IsSuccessStatusCode)
                    {
                        throw new InvalidOperationException($"attach: {(int)attached.StatusCode} {await attached.Content.ReadAsStringAsync()}");
                    }
                }

                await VolumeStatusAsync(client, root, volume, "in-use", one);
                attaches.Add(one.Elapsed.TotalMilliseconds);
                one.Restart();
                (await client.DeleteAsync($"/compute/v2.1/servers/{serverId}/os-volume_attachments/{volume}")).EnsureSuccessStatusCode();
                await VolumeStatusAsync(client, root, volume, "available", one);
                detaches.Add(one.Elapsed.TotalMilliseconds);
            }

            Print("attach-to-in-use (sequential)", attaches, clock.Elapsed);
            Print("detach-to-available (sequential)", detaches, clock.Elapsed);
        }
        finally
        {
            await client.DeleteAsync($"/compute/v2.1/servers/{serverId}");
        }
    }

    // Cinder's attachments API (3.44) as nova drives it, no server needed: create (reserved) → update with the storage
    // node's own host as connector (its export round trip) → os-complete (in-use); then delete (available).
    private static async Task AttachmentsApiAsync(HttpClient client, string root, List<string> volumes)
    {
        var attaches = new List<double>();
        var deletes = new List<double>();
        var clock = Stopwatch.StartNew();
        foreach (var volume in volumes)
        {
            var one = Stopwatch.StartNew();
            var created = await SendAsync(client, HttpMethod.Post, $"{root}/attachments", "{\"attachment\": {\"volume_uuid\": \"" + volume + "\"}}");
            var id = created.GetProperty("attachment").GetProperty("id").GetString()!;
            await SendAsync(client, HttpMethod.Put, $"{root}/attachments/{id}", """{"attachment": {"connector": {"host": "local", "mountpoint": "/dev/vdb"}}}""");
            await SendAsync(client, HttpMethod.Post, $"{root}/attachments/{id}/action", """{"os-complete": null}""");
            attaches.Add(one.Elapsed.TotalMilliseconds);
            one.Restart();
            await SendAsync(client, HttpMethod.Delete, $"{root}/attachments/{id}", null);
            deletes.Add(one.Elapsed.TotalMilliseconds);
        }

        Print("attachment create→update→complete", attaches, clock.Elapsed);
        Print("attachment delete", deletes, clock.Elapsed);
    }

    private static async Task<JsonElement> SendAsync(HttpClient client, HttpMethod method, string path, string? json)
    {
        using var request = new HttpRequestMessage(method, path) { Content = json is null ? null : Json(json) };
        request.Headers.Add("OpenStack-API-Version", "volume 3.44");
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {text}");
        }

        return text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default;
    }

    private static async Task VolumeStatusAsync(HttpClient client, string root, string id, string wanted, Stopwatch clock)
    {
        while ((await client.GetFromJsonAsync<JsonElement>($"{root}/volumes/{id}")).GetProperty("volume").GetProperty("status").GetString() is var status && status != wanted)
        {
            if (status is "error" || clock.Elapsed > TimeSpan.FromMinutes(2))
            {
                throw new InvalidOperationException($"volume {id} is {status}, not {wanted}");
            }

            await Task.Delay(20);
        }
    }

    private static async Task<(string Id, double Ms)> CreateAsync(HttpClient client, string root, string name)
    {
        var clock = Stopwatch.StartNew();
        var response = await client.PostAsync($"{root}/volumes", Json($$"""{"volume": {"size": 1, "name": "{{name}}"} }"""));
        response.EnsureSuccessStatusCode();
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("volume").GetProperty("id").GetString()!;
        while (true)
        {
            var status = (await client.GetFromJsonAsync<JsonElement>($"{root}/volumes/{id}")).GetProperty("volume").GetProperty("status").GetString();
            if (status is "available" or "error")
            {
                return status == "available" ? (id, clock.Elapsed.TotalMilliseconds) : throw new InvalidOperationException($"volume {id} ended in error");
            }

            if (clock.Elapsed > TimeSpan.FromMinutes(2))
            {
                throw new TimeoutException($"volume {id} not available after 2 minutes");
            }

            await Task.Delay(20);
        }
    }

    private static async Task<double> DeleteAsync(HttpClient client, string root, string id)
    {
        var clock = Stopwatch.StartNew();
        (await client.DeleteAsync($"{root}/volumes/{id}")).EnsureSuccessStatusCode();
        while ((await client.GetAsync($"{root}/volumes/{id}")).IsSuccessStatusCode)
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(2))
            {
                throw new TimeoutException($"volume {id} not gone after 2 minutes");
            }

            await Task.Delay(20);
        }

        return clock.Elapsed.TotalMilliseconds;
    }

    private static async Task<string> ProjectIdAsync(HttpClient client, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/identity/v3/auth/tokens");
        request.Headers.Add("X-Subject-Token", token);
        var body = await (await client.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("token").GetProperty("project").GetProperty("id").GetString()!;
    }

    private static StringContent Json(string text) => new(text, System.Text.Encoding.UTF8, "application/json");

    private static void Print(string name, List<double> latencies, TimeSpan total)
    {
        latencies.Sort();
        Console.WriteLine($"{name,-34} {latencies.Count,4} {Percentile(latencies, 0.50),8:F0} {Percentile(latencies, 0.95),8:F0} {latencies[^1],8:F0} {total.TotalSeconds,8:F1}");
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
