using System.Globalization;
using FuncCloud.Functions.ObjectStorage.Api;
using FuncCloud.Shared.ObjectStorage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace FuncCloud.Functions.ObjectStorage.Services;

/// <summary>Account HEAD/GET (totals, metadata, the container listing) and POST (metadata, quota).</summary>
public sealed class SwiftAccountService(SwiftStore store, SwiftAccess access, SwiftMetadata metadata, IOptions<ObjectStorageOptions> options, TimeProvider clock)
{
    private const string QuotaKey = "quota-bytes";

    /// <summary>HEAD or GET: 204 for HEAD and for an empty plain listing, else 200 with the listing.</summary>
    public async Task<IResult> GetAsync(SwiftCall call, CancellationToken cancellationToken)
    {
        await access.AuthorizeAsync(call, SwiftAccessKind.AccountRead, cancellationToken);
        var account = (await store.GetAccountAsync(call.Account, cancellationToken))?.Value;
        var headers = new Dictionary<string, string>
        {
            ["X-Account-Container-Count"] = (account?.ContainerCount ?? 0).ToString(CultureInfo.InvariantCulture),
            ["X-Account-Object-Count"] = (account?.ObjectCount ?? 0).ToString(CultureInfo.InvariantCulture),
            ["X-Account-Bytes-Used"] = (account?.BytesUsed ?? 0).ToString(CultureInfo.InvariantCulture),
            ["X-Timestamp"] = SwiftTime.Timestamp(account?.CreatedAt ?? clock.GetUtcNow()),
            [$"X-Account-Storage-Policy-{options.Value.StoragePolicy}-Container-Count"] = (account?.ContainerCount ?? 0).ToString(CultureInfo.InvariantCulture),
            [$"X-Account-Storage-Policy-{options.Value.StoragePolicy}-Object-Count"] = (account?.ObjectCount ?? 0).ToString(CultureInfo.InvariantCulture),
            [$"X-Account-Storage-Policy-{options.Value.StoragePolicy}-Bytes-Used"] = (account?.BytesUsed ?? 0).ToString(CultureInfo.InvariantCulture),
        };
        SwiftMetadata.Write(headers, account?.Metadata ?? new Dictionary<string, string>(), "account");
        var format = SwiftListingWriter.Format(call);
        if (call.IsHead)
        {
            return SwiftResponse.Empty(StatusCodes.Status204NoContent, headers);
        }

        var query = SwiftListingQuery.From(call, options.Value.ListingLimit);
        var items = new List<ListingItem<ContainerEntry>>();
        await foreach (var item in store.ListContainersAsync(call.Account, query, cancellationToken))
        {
            items.Add(item);
        }

        var body = SwiftListingWriter.Containers(call.Account, items, format);
        return items.Count == 0 && format == ListingFormat.Plain
            ? SwiftResponse.Empty(StatusCodes.Status204NoContent, headers)
            : new SwiftResponse(StatusCodes.Status200OK, headers, body, SwiftListingWriter.ContentType(format));
    }

    /// <summary>POST: metadata (incl. Temp-URL-Key); the quota only from a reseller admin.</summary>
    public async Task<IResult> PostAsync(SwiftCall call, CancellationToken cancellationToken)
    {
        await access.AuthorizeAsync(call, SwiftAccessKind.AccountWrite, cancellationToken);
        var touchesQuota = call.Request.Headers.Keys.Any(h => h.Equals("X-Account-Meta-Quota-Bytes", StringComparison.OrdinalIgnoreCase)
            || h.Equals("X-Remove-Account-Meta-Quota-Bytes", StringComparison.OrdinalIgnoreCase));
        if (touchesQuota && !access.IsResellerAdmin(call))
        {
            throw new SwiftException(StatusCodes.Status403Forbidden);
        }

        if (call.Header("X-Account-Meta-Quota-Bytes") is { Length: > 0 } quota && !long.TryParse(quota, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            throw new SwiftException(StatusCodes.Status400BadRequest, "Invalid bytes quota.");
        }

        var now = clock.GetUtcNow();
        await store.UpdateAccountAsync(call.Account, a => a with { Metadata = metadata.Apply(a.Metadata, call.Request, "account", replace: false) }, now, cancellationToken);
        return SwiftResponse.Empty(StatusCodes.Status204NoContent);
    }

    /// <summary>The account's byte quota, if any (<c>X-Account-Meta-Quota-Bytes</c>).</summary>
    public static long? Quota(AccountRecord? account) =>
        account?.Metadata.GetValueOrDefault(QuotaKey) is { } text && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var quota) ? quota : null;
}
