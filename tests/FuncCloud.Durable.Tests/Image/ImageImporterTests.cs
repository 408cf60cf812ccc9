using System.Security.Cryptography;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using FuncCloud.Shared.Image;
using FuncCloud.Shared.Storage;
using FuncCloud.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;
using Xunit;

namespace FuncCloud.Durable.Tests.Image;

/// <summary>The import activities' work against Azurite: idempotent import, compensation.</summary>
public sealed class ImageImporterTests : IAsyncLifetime
{
    private ImageStore _store = null!;
    private ImageDataStore _data = null!;
    private ImageImporter _importer = null!;

    public async Task InitializeAsync()
    {
        var connection = (await AzuriteServer.GetAsync()).ConnectionString;
        var names = new StorageNames("d" + Guid.NewGuid().ToString("N")[..10]);
        _store = new ImageStore(new TableServiceClient(connection), names);
        _data = new ImageDataStore(new BlobServiceClient(connection), names);
        _importer = new ImageImporter(_store, _data, TimeProvider.System, NullLogger<ImageImporter>.Instance);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(string Id, byte[] Data)> StagedImageAsync()
    {
        var now = DateTimeOffset.UtcNow;
        var id = Guid.NewGuid().ToString();
        await _store.InsertAsync(new ImageRecord(id, "i", ImageStatus.Importing, ImageVisibility.Private, "p", "raw", "bare",
            null, null, null, null, null, 0, 0, false, false, [], new Dictionary<string, string>(), now, now), CancellationToken.None);
        var data = RandomNumberGenerator.GetBytes(ImageDataStore.BlockSize + 5);
        await _data.WriteAsync(_data.StagingBlob(id), new MemoryStream(data), long.MaxValue, CancellationToken.None);
        return (id, data);
    }

    [Fact]
    public async Task ImportAsync_RunTwice_ActivatesOnceWithDigests()
    {
        var (id, data) = await StagedImageAsync();

        var digest = await _importer.ImportAsync(new ImageImportInput(id, "glance-direct", long.MaxValue), CancellationToken.None);
        var second = await _importer.ImportAsync(new ImageImportInput(id, "glance-direct", long.MaxValue), CancellationToken.None);

        digest.ShouldNotBeNull().Md5.ShouldBe(Convert.ToHexStringLower(MD5.HashData(data)));
        second.ShouldBeNull();
        var image = (await _store.GetAsync(id, CancellationToken.None))!.Value;
        image.Status.ShouldBe(ImageStatus.Active);
        image.Size.ShouldBe(data.Length);
        image.OsHashValue.ShouldBe(Convert.ToHexStringLower(SHA512.HashData(data)));
        (await _data.StagingBlob(id).ExistsAsync()).Value.ShouldBeFalse();
    }

    [Fact]
    public async Task ImportAsync_OverQuota_ThrowsAndFailAsyncRollsBack()
    {
        var (id, _) = await StagedImageAsync();

        await Should.ThrowAsync<ImageDataTooLargeException>(() => _importer.ImportAsync(new ImageImportInput(id, "glance-direct", 1024), CancellationToken.None));
        await _importer.FailAsync(new ImageImportFailure(id, "quota"), CancellationToken.None);

        var image = (await _store.GetAsync(id, CancellationToken.None))!.Value;
        image.Status.ShouldBe(ImageStatus.Queued);
        image.Properties[ImageImporter.FailedImportProperty].ShouldBe("local");
        (await _data.StagingBlob(id).ExistsAsync()).Value.ShouldBeFalse();
        (await _data.DataBlob(id).ExistsAsync()).Value.ShouldBeFalse();
    }
}
