using System.Globalization;
using FuncCloud.Functions.ObjectStorage.Api;
using FuncCloud.Shared.ObjectStorage;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Functions.ObjectStorage.Services;

/// <summary>Reads swift's listing parameters from a request.</summary>
public static class SwiftListingQuery
{
    /// <summary>prefix, delimiter, marker, end_marker, limit (412 above the maximum), reverse and path.</summary>
    /// <exception cref="SwiftException">412 for a limit above <paramref name="maxLimit"/>, 400 for a malformed one.</exception>
    public static ListingQuery From(SwiftCall call, int maxLimit)
    {
        var limit = maxLimit;
        if (call.Query("limit") is { Length: > 0 } text)
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out limit))
            {
                throw new SwiftException(StatusCodes.Status412PreconditionFailed, "Value of limit must be a positive integer");
            }

            if (limit > maxLimit)
            {
                throw new SwiftException(StatusCodes.Status412PreconditionFailed, $"Maximum limit is {maxLimit}");
            }
        }

        var reverse = call.Query("reverse")?.ToLowerInvariant() is "true" or "1" or "yes" or "on" or "t" or "y";
        return new ListingQuery(call.Query("prefix"), call.Query("delimiter"), call.Query("marker"), call.Query("end_marker"), limit, reverse, call.Query("path"));
    }
}
