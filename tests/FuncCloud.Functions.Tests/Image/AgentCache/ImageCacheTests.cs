using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using FuncCloud.Agent.Images;
using FuncCloud.Shared.Image;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Refit;
using Shouldly;
using Xunit;

namespace FuncCloud.Functions.Tests.Image.AgentCache;

/// <summary>The host the agent cache downloads from.</summary>
public sealed class ImageCacheFixture : ImageHostFixture;

/// <summary>The node image cache against a real LocalHost, through the Refit <see cref="IImageApi"/>.</summary>
public sealed class ImageCacheTests(ImageCacheFixture host) : IClassFixture<ImageCacheFixture>, IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "funccloud-cache-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private async Task<(ImageCache Cache, CountingHandler Handler)> CacheAsync(Func<byte[], byte[]>? tamper = null)
    {
        var handler = new CountingHandler(tamper) { InnerHandler = new HttpClientHandler() };
        var client = new HttpClient(handler) { BaseAddress = host.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Auth-Token", await host.DemoTokenAsync());
        var api = RestService.For<IImageApi>(client);
        return (new ImageCache(api, Options.Create(new ImageCacheOptions { Directory = _directory }), NullLogger<ImageCache>.Instance), handler);
    }

    private async Task<(string Id, byte[] Data)> ImageAsync(bool upload = true)
    {
        using var client = host.ClientWith(await host.DemoTokenAsync());
        using var created = await client.PostAsJsonAsync("/image/v2/images", new JsonObject { ["name"] = "cache", ["disk_format"] = "raw", ["container_format"] = "bare" });
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        var data = RandomNumberGenerator.GetBytes(3 * 1024 * 1024 + 11);
        if (upload)
        {
            var content = new ByteArrayContent(data);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            (await client.PutAsync($"/image/v2/images/{id}/file", content)).EnsureSuccessStatusCode();
        }

        return (id, data);
    }

    [Fact]
    public async Task GetAsync_ConcurrentRequests_DownloadOnceAndVerify()
    {
        var (id, data) = await ImageAsync();
        var (cache, handler) = await CacheAsync();

        var paths = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => cache.GetAsync(id, CancellationToken.None)));
        var again = await cache.GetAsync(id, CancellationToken.None);

        paths.Distinct().ShouldHaveSingleItem().ShouldBe(again);
        (await File.ReadAllBytesAsync(again)).SequenceEqual(data).ShouldBeTrue();
        handler.Downloads.ShouldBe(1);
        Directory.GetFiles(Path.Combine(_directory, ".partial")).ShouldBeEmpty();
    }

    [Fact]
    public async Task GetAsync_CorruptedTransfer_ThrowsAndCachesNothing()
    {
        var (id, _) = await ImageAsync();
        var (cache, _) = await CacheAsync(bytes =>
        {
            bytes[bytes.Length / 2] ^= 0xFF;
            return bytes;
        });

        await Should.ThrowAsync<ImageVerificationException>(() => cache.GetAsync(id, CancellationToken.None));
        File.Exists(cache.PathOf(id)).ShouldBeFalse();
        Directory.GetFiles(Path.Combine(_directory, ".partial")).ShouldBeEmpty();
    }

    [Fact]
    public async Task GetAsync_QueuedImage_ThrowsNotAvailable()
    {
        var (id, _) = await ImageAsync(upload: false);
        var (cache, _) = await CacheAsync();

        await Should.ThrowAsync<ImageNotAvailableException>(() => cache.GetAsync(id, CancellationToken.None));
    }

    /// <summary>Counts data downloads; optionally tampers with the bytes in flight (a corrupting network).</summary>
    private sealed class CountingHandler(Func<byte[], byte[]>? tamper) : DelegatingHandler
    {
        private int _downloads;

        public int Downloads => _downloads;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (request.RequestUri!.AbsolutePath.EndsWith("/file", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _downloads);
                if (tamper is not null)
                {
                    var bytes = tamper(await response.Content.ReadAsByteArrayAsync(cancellationToken));
                    response.Content = new ByteArrayContent(bytes);
                }
            }

            return response;
        }
    }
}
