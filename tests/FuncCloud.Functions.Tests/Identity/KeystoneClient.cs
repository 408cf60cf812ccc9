using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace FuncCloud.Functions.Tests.Identity;

/// <summary>Small raw-HTTP helpers for the Keystone API.</summary>
public static class KeystoneClient
{
    /// <summary>The password auth body for a Default-domain user scoped to a project.</summary>
    public static JsonObject PasswordAuth(string user, string password, string? project) => new()
    {
        ["auth"] = new JsonObject
        {
            ["identity"] = new JsonObject
            {
                ["methods"] = new JsonArray("password"),
                ["password"] = new JsonObject { ["user"] = new JsonObject { ["name"] = user, ["domain"] = new JsonObject { ["id"] = "default" }, ["password"] = password } },
            },
            ["scope"] = project is null ? null : new JsonObject { ["project"] = new JsonObject { ["name"] = project, ["domain"] = new JsonObject { ["name"] = "Default" } } },
        },
    };

    /// <summary>POST /identity/v3/auth/tokens.</summary>
    public static Task<HttpResponseMessage> IssueAsync(HttpClient client, JsonObject body) =>
        client.PostAsJsonAsync("/identity/v3/auth/tokens", body);

    /// <summary>Issues and returns the token string (throws unless 201).</summary>
    public static async Task<string> TokenAsync(HttpClient client, string user, string password, string? project)
    {
        using var response = await IssueAsync(client, PasswordAuth(user, password, project));
        response.EnsureSuccessStatusCode();
        return response.Headers.GetValues("X-Subject-Token").Single();
    }

    /// <summary>Sends with X-Auth-Token (and X-Subject-Token when given).</summary>
    public static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, string token, string? subject = null, JsonObject? body = null)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Add("X-Auth-Token", token);
        if (subject is not null)
        {
            request.Headers.Add("X-Subject-Token", subject);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return client.SendAsync(request);
    }
}
