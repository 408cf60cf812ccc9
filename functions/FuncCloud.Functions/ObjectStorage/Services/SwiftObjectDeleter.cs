using System.Text;
using System.Text.Json;
using FuncCloud.Functions.ObjectStorage.Api;
using FuncCloud.Shared.ObjectStorage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace FuncCloud.Functions.ObjectStorage.Services;

/// <summary>
/// Object DELETE (versioning-aware), <c>?multipart-manifest=delete</c> (the SLO and its segments) and bulk delete
/// (<c>POST ?bulk-delete</c>, one URL-encoded <c>/container[/object]</c> per line), answered in swift's bulk format.
/// </summary>
public sealed class SwiftObjectDeleter(
    SwiftStore store,
    ObjectDataStore data,
    SwiftAccess access,
    LargeObjects largeObjects,
    ObjectVersioning versioning,
    IOptions<ObjectStorageOptions> options,
    TimeProvider clock)
{
    /// <summary>DELETE: 204, or 404 when missing (or expired).</summary>
    public async Task<IResult> DeleteAsync(SwiftCall call, CancellationToken cancellationToken)
    {
        await access.AuthorizeAsync(call, SwiftAccessKind.ObjectWrite, cancellationToken);
        if (call.Query("multipart-manifest") == "delete")
        {
            var record = (await store.GetObjectAsync(call.Account, call.Container, call.Object, cancellationToken))?.Value;
            if (record is { StaticLargeObject: true })
            {
                var outcome = new BulkOutcome();
                foreach (var segment in await largeObjects.ReadManifestAsync(record, cancellationToken))
                {
                    var (container, name) = LargeObjects.SplitPath(segment.Name);
                    await DeleteOneAsync(call with { Path = call.Path with { Container = container, Object = name } }, outcome, segment.Name, cancellationToken);
                }

                await DeleteOneAsync(call, outcome, $"/{call.Container}/{call.Object}", cancellationToken);
                return outcome.Result(call);
            }
        }

        return await RemoveAsync(call, cancellationToken) ? SwiftResponse.Empty(StatusCodes.Status204NoContent) : throw new SwiftException(StatusCodes.Status404NotFound);
    }

    /// <summary><c>POST /v1/AUTH_x?bulk-delete</c>.</summary>
    public async Task<IResult> BulkDeleteAsync(SwiftCall call, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(call.Request.Body, Encoding.UTF8);
        var outcome = new BulkOutcome();
        var count = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (++count > options.Value.MaxDeletesPerRequest)
            {
                throw new SwiftException(StatusCodes.Status413PayloadTooLarge, $"Maximum Bulk Deletes: {options.Value.MaxDeletesPerRequest} per request");
            }

            var path = SwiftPath.Decode(line.Trim()).TrimStart('/');
            var slash = path.IndexOf('/');
            var (container, name) = slash < 0 ? (path, null) : (path[..slash], path[(slash + 1)..]);
            var target = call with { Path = call.Path with { Container = container, Object = string.IsNullOrEmpty(name) ? null : name } };
            if (target.Path.Object is null)
            {
                await DeleteContainerAsync(target, outcome, "/" + path, cancellationToken);
            }
            else
            {
                await DeleteOneAsync(target, outcome, "/" + path, cancellationToken);
            }
        }

        return outcome.Result(call);
    }

    // Deletes the object; history mode archives it first, stack mode restores the newest version after.
    private async Task<bool> RemoveAsync(SwiftCall call, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var removed = await store.DeleteObjectAsync(call.Account, call.Container, call.Object, now, CancellationToken.None);
        if (removed is null)
        {
            return false;
        }

        var archived = await versioning.IsHistoryModeAsync(call, cancellationToken) && await versioning.ArchiveAsync(call, removed, CancellationToken.None);
        if (!archived)
        {
            await data.DeleteAsync(removed.Blob, CancellationToken.None);
        }

        await versioning.RestoreAsync(call, CancellationToken.None);
        var expired = removed.DeleteAt <= now.ToUnixTimeSeconds();
        return !expired;
    }

    private async Task DeleteOneAsync(SwiftCall target, BulkOutcome outcome, string path, CancellationToken cancellationToken)
    {
        try
        {
            await access.AuthorizeAsync(target, SwiftAccessKind.ObjectWrite, cancellationToken);
            if (await RemoveAsync(target, cancellationToken))
            {
                outcome.Deleted++;
            }
            else
            {
                outcome.NotFound++;
            }
        }
        catch (SwiftException e)
        {
            outcome.Errors.Add([path, $"{e.StatusCode} {e.Title}"]);
        }
    }

    private async Task DeleteContainerAsync(SwiftCall target, BulkOutcome outcome, string path, CancellationToken cancellationToken)
    {
        try
        {
            await access.AuthorizeAsync(target, SwiftAccessKind.AccountWrite, cancellationToken);
            switch (await store.DeleteContainerAsync(target.Account, target.Container, clock.GetUtcNow(), cancellationToken))
            {
                case true:
                    outcome.Deleted++;
                    break;
                case null:
                    outcome.NotFound++;
                    break;
                default:
                    outcome.Errors.Add([path, "409 Conflict"]);
                    break;
            }
        }
        catch (SwiftException e)
        {
            outcome.Errors.Add([path, $"{e.StatusCode} {e.Title}"]);
        }
    }

    private sealed class BulkOutcome
    {
        public int Deleted { get; set; }

        public int NotFound { get; set; }

        public List<string[]> Errors { get; } = [];

        // Swift answers 200 and reports the per-item outcome in the body (JSON when asked for, else plain text).
        public IResult Result(SwiftCall call)
        {
            var status = Errors.Count == 0 ? "200 OK" : Errors.All(e => e[1].StartsWith("401", StringComparison.Ordinal)) ? "401 Unauthorized" : "400 Bad Request";
            var headers = new Dictionary<string, string>();
            if (SwiftListingWriter.Format(call) == ListingFormat.Json)
            {
                var json = JsonSerializer.Serialize(new Dictionary<string, object>
                {
                    ["Number Deleted"] = Deleted,
                    ["Number Not Found"] = NotFound,
                    ["Response Body"] = string.Empty,
                    ["Response Status"] = status,
                    ["Errors"] = Errors,
                });
                return SwiftResponse.Text(StatusCodes.Status200OK, headers, json, "application/json; charset=utf-8");
            }

            var errors = string.Join("\n", Errors.Select(e => $"{e[0]}, {e[1]}"));
            return SwiftResponse.Text(StatusCodes.Status200OK, headers,
                $"Number Deleted: {Deleted}\nNumber Not Found: {NotFound}\nResponse Body: \nResponse Status: {status}\nErrors: {errors}\n", "text/plain; charset=utf-8");
        }
    }
}
