using FuncCloud.Functions.Identity.Bootstrap;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Services;
using FuncCloud.Functions.Identity.Storage;
using FuncCloud.Shared.Image;
using Microsoft.Extensions.DependencyInjection;

namespace FuncCloud.Testing;

/// <summary>Seeds Glance images straight into the image store (with data), so tests can boot a known id.</summary>
public static class TestImages
{
    /// <summary>
    /// Creates an active image <paramref name="id"/> owned by <paramref name="ownerProject"/> (a project name of
    /// the Default domain) with 1 KiB of zeros; an existing image of that id is left alone.
    /// </summary>
    public static async Task SeedAsync(
        IServiceProvider services, string id, string name, string visibility = ImageVisibility.Public, string ownerProject = "admin",
        IReadOnlyDictionary<string, string>? properties = null, string status = ImageStatus.Active, CancellationToken cancellationToken = default)
    {
        var store = services.GetRequiredService<ImageStore>();
        if (await store.GetAsync(id, cancellationToken) is not null)
        {
            return;
        }

        var owner = await services.GetRequiredService<IdentityLookup>()
            .FindByNameAsync<Project>(IdentityKinds.Project, IdentityBootstrapper.DefaultDomainId, ownerProject, cancellationToken)
            ?? throw new InvalidOperationException($"No project {ownerProject}.");
        var data = services.GetRequiredService<ImageDataStore>();
        var digest = status == ImageStatus.Active
            ? await data.WriteAsync(data.DataBlob(id), new MemoryStream(new byte[1024]), long.MaxValue, cancellationToken)
            : null;
        var now = DateTimeOffset.UtcNow;
        await store.InsertAsync(new ImageRecord(
            id, name, status, visibility, owner.Id, "raw", "bare", digest?.Size, digest?.Size, digest?.Md5, digest is null ? null : "sha512", digest?.Sha512,
            0, 0, false, false, [], properties ?? new Dictionary<string, string>(), now, now), cancellationToken);
    }
}
