using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Storage;
using Microsoft.Extensions.Options;

namespace FuncCloud.Functions.Identity.Tokens;

/// <summary>Records revocation events and prunes the ones that can no longer match an unexpired token.</summary>
public sealed class RevocationService(IdentityStore store, IOptions<IdentityOptions> options, TimeProvider clock)
{
    /// <summary>Revokes every token issued until now that matches the given attributes.</summary>
    public async Task RevokeAsync(string? userId = null, string? projectId = null, string? auditId = null, string? auditChainId = null, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var revocation = new RevocationEvent(Guid.NewGuid().ToString("N"), userId, projectId, auditId, auditChainId, now, now);
        await store.InsertAsync(IdentityKinds.Revocation, revocation.Id, revocation, null, cancellationToken);
        await PruneAsync(now, cancellationToken);
    }

    private async Task PruneAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        // A token issued before (now - lifetime) has expired: events older than that match nothing.
        var horizon = now - options.Value.TokenExpiration - TimeSpan.FromMinutes(1);
        foreach (var stale in (await store.ListAsync<RevocationEvent>(IdentityKinds.Revocation, cancellationToken)).Where(e => e.Value.IssuedBefore < horizon))
        {
            await store.DeleteAsync(IdentityKinds.Revocation, stale.Id, null, cancellationToken);
        }
    }
}
