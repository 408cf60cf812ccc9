using System.Text.Json.Nodes;
using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.Storage;
using Azure.Data.Tables;

namespace FuncCloud.Shared.Automation;

/// <summary>
/// The results table: one partition per correlation id (no hot partition under load) holding the request row and,
/// while it runs, its token. Every write is an insert-if-absent or an ETag compare-and-swap.
/// </summary>
public sealed class AutomationStore(TableServiceClient tables, StorageNames names)
{
    private const string RequestRow = "request";
    private const string TokenRow = "token";
    private readonly DocumentTable _table = new(tables, names, AutomationNames.ResultsTable, OpenStackJson.Storage);

    /// <summary>The row of <paramref name="correlationId"/>, or null.</summary>
    public Task<Document<AutomationRecord>?> GetAsync(string correlationId, CancellationToken cancellationToken) =>
        _table.GetAsync<AutomationRecord>(correlationId, RequestRow, cancellationToken);

    /// <summary>Claims the correlation id; returns the existing row instead when someone claimed it first.</summary>
    public async Task<Document<AutomationRecord>?> TryClaimAsync(AutomationRecord record, CancellationToken cancellationToken)
    {
        try
        {
            await _table.InsertAsync(record.CorrelationId, RequestRow, record, null, cancellationToken);
            return null;
        }
        catch (DuplicateKeyException)
        {
            return await GetAsync(record.CorrelationId, cancellationToken)
                ?? throw new ConcurrencyException(record.CorrelationId, new InvalidOperationException("The claimed row vanished."));
        }
    }

    /// <summary>Replaces the row if it did not change since it was read.</summary>
    /// <exception cref="ConcurrencyException">It changed.</exception>
    public Task ReplaceAsync(Document<AutomationRecord> current, AutomationRecord updated, CancellationToken cancellationToken) =>
        _table.ReplaceAsync(updated.CorrelationId, RequestRow, updated, current.ETag, null, null, cancellationToken);

    /// <summary>Records the outcome once; a second completion (a replayed activity) returns the recorded row unchanged.</summary>
    public async Task<AutomationRecord> CompleteAsync(CompleteRequestInput input, DateTimeOffset now, CancellationToken cancellationToken)
    {
        while (true)
        {
            var current = await GetAsync(input.CorrelationId, cancellationToken)
                ?? throw new InvalidOperationException($"automation request {input.CorrelationId} has no results row");
            if (current.Value.IsComplete)
            {
                return current.Value;
            }

            var completed = current.Value with
            {
                Status = input.Status,
                Reason = input.Reason,
                CompletedAt = now,
                Results = [.. input.Results.Select(r => (JsonNode)AutomationViews.Step(r))],
                Compensation = [.. input.Compensation.Select(r => (JsonNode)AutomationViews.Step(r))],
            };
            try
            {
                await ReplaceAsync(current, completed, cancellationToken);
                return completed;
            }
            catch (ConcurrencyException)
            {
                // Someone else wrote first: read again and decide again.
            }
        }
    }

    /// <summary>Stores (or replaces) the token a running request executes with.</summary>
    public async Task SetTokenAsync(string correlationId, AutomationToken token, CancellationToken cancellationToken)
    {
        try
        {
            await _table.InsertAsync(correlationId, TokenRow, token, null, cancellationToken);
        }
        catch (DuplicateKeyException)
        {
            if (await _table.GetAsync<AutomationToken>(correlationId, TokenRow, cancellationToken) is { } current)
            {
                await _table.ReplaceAsync(correlationId, TokenRow, token, current.ETag, null, null, cancellationToken);
            }
        }
    }

    /// <summary>The token of a running request, or null.</summary>
    public async Task<AutomationToken?> GetTokenAsync(string correlationId, CancellationToken cancellationToken) =>
        (await _table.GetAsync<AutomationToken>(correlationId, TokenRow, cancellationToken))?.Value;

    /// <summary>Forgets the token (missing is fine).</summary>
    public async Task DeleteTokenAsync(string correlationId, CancellationToken cancellationToken)
    {
        try
        {
            await _table.DeleteAsync(correlationId, TokenRow, null, cancellationToken);
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            // Already gone.
        }
    }
}
