using System.Text.Json.Nodes;
using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.Quotas;
using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.OpenStack.Errors;

namespace FuncCloud.Shared.Compute.Keypairs;

/// <summary>A created key pair; <see cref="PrivateKey"/> is set only when the key was generated.</summary>
public sealed record CreatedKeypair(Keypair Keypair, string? PrivateKey);

/// <summary>
/// os-keypairs: per-user keys, generated (private key returned once) or imported; <c>type</c> from 2.2,
/// another user's keys for admins through <c>user_id</c> from 2.10; <c>key_pairs</c> quota.
/// </summary>
public sealed class KeypairService(IKeypairStore store, IComputeQuotaService quotas, ComputeApiPolicy policy, TimeProvider time)
{
    private const string SafeNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_. ";

    /// <summary><c>POST /os-keypairs</c>.</summary>
    public async Task<CreatedKeypair> CreateAsync(ComputeCall call, JsonObject body, CancellationToken cancellationToken)
    {
        var k = body.RequireMember("keypair");
        var allowed = new List<string> { "name", "public_key" };
        if (call.Version.IsAtLeast(2, 2))
        {
            allowed.Add("type");
        }

        if (call.Version.IsAtLeast(2, 10))
        {
            allowed.Add("user_id");
        }

        k.RejectUnknown("keypair", [.. allowed]);
        var userId = k.OptionalString("user_id") ?? call.Caller.UserId;
        policy.Enforce(ComputeApiPolicies.KeypairsCreate, call.Caller, userId: userId);
        var name = ValidateName(k.OptionalString("name", 1024));
        var type = k.OptionalString("type") ?? KeypairTypes.Ssh;
        if (type is not KeypairTypes.Ssh and not KeypairTypes.X509)
        {
            throw NovaJson.Invalid("type", type, $"'{type}' is not one of ['ssh', 'x509']");
        }

        var existing = await store.ListAsync(userId, cancellationToken);
        await quotas.EnforceCountAsync(call.ProjectId, ComputeQuotaResources.KeyPairs, existing.Count, 1, QuotaMessages.KeyPairs, cancellationToken);
        if (existing.Any(e => e.Name == name))
        {
            throw new ConflictException($"Key pair '{name}' already exists.");
        }

        var publicKey = k.OptionalString("public_key");
        string? privateKey = null;
        string fingerprint;
        if (publicKey is null)
        {
            var generated = type == KeypairTypes.X509 ? KeypairCrypto.GenerateX509(userId) : KeypairCrypto.GenerateSsh();
            (publicKey, privateKey, fingerprint) = (generated.PublicKey, generated.PrivateKey, generated.Fingerprint);
        }
        else
        {
            fingerprint = type == KeypairTypes.X509 ? KeypairCrypto.X509Fingerprint(publicKey) : KeypairCrypto.SshFingerprint(publicKey);
        }

        var keypair = new Keypair(name, userId, type, publicKey.Trim() + (type == KeypairTypes.X509 ? "\n" : string.Empty), fingerprint, Random.Shared.Next(1, int.MaxValue), time.GetUtcNow());
        await store.CreateAsync(keypair, cancellationToken);
        return new CreatedKeypair(keypair, privateKey);
    }

    /// <summary><c>GET /os-keypairs</c> of the caller (or of <c>user_id</c>, 2.10+ admin).</summary>
    public async Task<IReadOnlyList<Keypair>> ListAsync(ComputeCall call, CancellationToken cancellationToken)
    {
        var userId = TargetUser(call);
        policy.Enforce(ComputeApiPolicies.KeypairsIndex, call.Caller, userId: userId);
        return await store.ListAsync(userId, cancellationToken);
    }

    /// <summary><c>GET /os-keypairs/{name}</c>.</summary>
    public async Task<Keypair> GetAsync(ComputeCall call, string name, CancellationToken cancellationToken)
    {
        var userId = TargetUser(call);
        policy.Enforce(ComputeApiPolicies.KeypairsShow, call.Caller, userId: userId);
        return await store.FindAsync(userId, name, cancellationToken) ?? throw ComputeResourceNotFoundException.Keypair(name, userId);
    }

    /// <summary><c>DELETE /os-keypairs/{name}</c>.</summary>
    public async Task DeleteAsync(ComputeCall call, string name, CancellationToken cancellationToken)
    {
        var userId = TargetUser(call);
        policy.Enforce(ComputeApiPolicies.KeypairsDelete, call.Caller, userId: userId);
        if (!await store.DeleteAsync(userId, name, cancellationToken))
        {
            throw ComputeResourceNotFoundException.Keypair(name, userId);
        }
    }

    private static string TargetUser(ComputeCall call) =>
        call.Version.IsAtLeast(2, 10) && call.Query("user_id") is { Length: > 0 } userId ? userId : call.Caller.UserId;

    private static string ValidateName(string? name)
    {
        if (name is null || name.Length is < 1 or > 255)
        {
            throw new BadRequestException("Keypair data is invalid: Keypair name must be string and between 1 and 255 characters long");
        }

        return name.All(SafeNameCharacters.Contains)
            ? name
            : throw new BadRequestException("Keypair data is invalid: Keypair name contains unsafe characters");
    }
}
