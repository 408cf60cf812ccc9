namespace FuncCloud.Shared.Compute.Keypairs;

/// <summary>A user's key pair (nova keeps only the public half; a generated private key is returned once).</summary>
/// <param name="Name">Unique per user.</param>
/// <param name="UserId">The owner.</param>
/// <param name="Type"><see cref="KeypairTypes.Ssh"/> or <see cref="KeypairTypes.X509"/>.</param>
/// <param name="PublicKey">OpenSSH public key line, or a PEM certificate for x509.</param>
/// <param name="Fingerprint">MD5 colon-hex of the SSH key blob; SHA-1 colon-hex of the certificate for x509.</param>
/// <param name="Id">nova's integer id (shown by <c>keypair show</c>).</param>
/// <param name="CreatedAt">When it was created or imported.</param>
public sealed record Keypair(string Name, string UserId, string Type, string PublicKey, string Fingerprint, int Id, DateTimeOffset CreatedAt);

/// <summary>Key pair types (microversion 2.2+).</summary>
public static class KeypairTypes
{
    public const string Ssh = "ssh";
    public const string X509 = "x509";
}
