using System.Globalization;
using System.Text.Json.Nodes;
using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.Keypairs;

namespace FuncCloud.Functions.Compute.Keypairs;

/// <summary>The wire shapes of key pairs per microversion (api-ref "Keypairs").</summary>
public static class KeypairWire
{
    /// <summary>The route of the key pair collection.</summary>
    public const string Collection = ComputeRoutes.V21 + "/os-keypairs";

    /// <summary>A list entry (wrapped in <c>{"keypair": ...}</c> by the caller, as nova does).</summary>
    public static JsonObject Summary(ComputeApiVersion version, Keypair keypair) =>
        WithType(version, keypair, new JsonObject { ["name"] = keypair.Name, ["public_key"] = keypair.PublicKey, ["fingerprint"] = keypair.Fingerprint });

    /// <summary>The create response (with the private key when generated).</summary>
    public static JsonObject Created(ComputeApiVersion version, CreatedKeypair created)
    {
        var json = new JsonObject
        {
            ["name"] = created.Keypair.Name,
            ["public_key"] = created.Keypair.PublicKey,
            ["fingerprint"] = created.Keypair.Fingerprint,
            ["user_id"] = created.Keypair.UserId,
        };
        if (created.PrivateKey is not null)
        {
            json["private_key"] = created.PrivateKey;
        }

        return WithType(version, created.Keypair, json);
    }

    /// <summary>The show response.</summary>
    public static JsonObject Detail(ComputeApiVersion version, Keypair keypair) => WithType(version, keypair, new JsonObject
    {
        ["name"] = keypair.Name,
        ["public_key"] = keypair.PublicKey,
        ["fingerprint"] = keypair.Fingerprint,
        ["user_id"] = keypair.UserId,
        ["created_at"] = NovaTime(keypair.CreatedAt),
        ["updated_at"] = null,
        ["deleted_at"] = null,
        ["deleted"] = false,
        ["id"] = keypair.Id,
    });

    /// <summary>Nova's timestamp format (naive UTC with microseconds).</summary>
    public static string NovaTime(DateTimeOffset when) => when.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    private static JsonObject WithType(ComputeApiVersion version, Keypair keypair, JsonObject json)
    {
        if (version.IsAtLeast(2, 2))
        {
            json["type"] = keypair.Type;
        }

        return json;
    }
}
