using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace FuncCloud.Testing;

/// <summary>Tokens for raw-HTTP tests and benchmarks.</summary>
public static class KeystoneTokens
{
    /// <summary>
    /// Issues a project-scoped token for a Default-domain user by password (<c>POST /identity/v3/auth/tokens</c>)
    /// and returns its <c>X-Subject-Token</c>; throws unless the call succeeds.
    /// </summary>
    public static async Task<string> PasswordTokenAsync(HttpClient client, string user, string password, string project, CancellationToken cancellationToken = default)
    {
        var body = new JsonObject
        {
            ["auth"] = new JsonObject
            {
                ["identity"] = new JsonObject
                {
                    ["methods"] = new JsonArray("password"),
                    ["password"] = new JsonObject { ["user"] = new JsonObject { ["name"] = user, ["password"] = password, ["domain"] = new JsonObject { ["id"] = "default" } } },
                },
                ["scope"] = new JsonObject { ["project"] = new JsonObject { ["name"] = project, ["domain"] = new JsonObject { ["id"] = "default" } } },
            },
        };
        using var response = await client.PostAsJsonAsync("/identity/v3/auth/tokens", body, cancellationToken);
        response.EnsureSuccessStatusCode();
        return response.Headers.GetValues("X-Subject-Token").Single();
    }
}
