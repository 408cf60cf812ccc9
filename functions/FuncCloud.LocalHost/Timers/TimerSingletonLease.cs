using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using FuncCloud.Shared.Storage;

namespace FuncCloud.LocalHost.Timers;

/// <summary>
/// Makes a timer function a singleton across replicas sharing one storage account, as the Functions host does:
/// an occurrence runs only on the replica holding a blob lease (<c>funccloud-locks/&lt;prefix&gt;/timers/&lt;function&gt;</c>).
/// The holder keeps the lease by re-acquiring it with its own lease id at every occurrence and renewing it while
/// the function runs; it releases it on shutdown so another replica takes over at its next occurrence.
/// </summary>
public sealed class TimerSingletonLease
{
    /// <summary>The container of the singleton locks.</summary>
    public const string ContainerName = "funccloud-locks";

    /// <summary>The longest finite blob lease; renewed well before it ends.</summary>
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan RenewInterval = TimeSpan.FromSeconds(20);

    private readonly BlobContainerClient _container;
    private readonly BlobClient _blob;
    private readonly BlobLeaseClient _lease;
    private bool _blobExists;
    private bool _held;

    /// <summary>Creates the lease of <paramref name="functionName"/> under the storage prefix.</summary>
    public TimerSingletonLease(BlobServiceClient blobs, StorageNames names, string functionName)
    {
        _container = blobs.GetBlobContainerClient(ContainerName);
        var path = $"timers/{functionName.ToLowerInvariant()}";
        _blob = _container.GetBlobClient(names.Prefix.Length == 0 ? path : $"{names.Prefix}/{path}");
        _lease = _blob.GetBlobLeaseClient(Guid.NewGuid().ToString());
    }

    /// <summary>Acquires the lease, or renews it when this replica already holds it; false when another does.</summary>
    /// <exception cref="RequestFailedException">Storage failed for another reason.</exception>
    public async Task<bool> TryAcquireAsync(CancellationToken cancellationToken)
    {
        await EnsureBlobAsync(cancellationToken);
        try
        {
            // Acquiring with the lease id already held renews it, so the leader keeps its leadership.
            await _lease.AcquireAsync(LeaseDuration, cancellationToken: cancellationToken);
            _held = true;
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            _held = false;
            return false;
        }
    }

    /// <summary>Runs <paramref name="work"/> while renewing the lease, so a long invocation keeps it.</summary>
    public async Task RunHeldAsync(Func<Task> work, CancellationToken cancellationToken)
    {
        using var renewal = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renewing = RenewAsync(renewal.Token);
        try
        {
            await work();
        }
        finally
        {
            await renewal.CancelAsync();
            await renewing;
        }
    }

    /// <summary>Releases the lease if held, so another replica need not wait for it to expire.</summary>
    public async Task ReleaseAsync()
    {
        if (!_held)
        {
            return;
        }

        _held = false;
        try
        {
            await _lease.ReleaseAsync(cancellationToken: CancellationToken.None);
        }
        catch (RequestFailedException)
        {
            // Already expired or taken over: nothing to release.
        }
    }

    private async Task RenewAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var timer = new PeriodicTimer(RenewInterval);
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await _lease.RenewAsync(cancellationToken: cancellationToken);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or RequestFailedException)
        {
            // Stopped, or lost: the next occurrence finds out who holds the lease.
        }
    }

    private async Task EnsureBlobAsync(CancellationToken cancellationToken)
    {
        if (_blobExists)
        {
            return;
        }

        await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        try
        {
            await _blob.UploadAsync(BinaryData.Empty, overwrite: false, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // Another replica created it first (it may even hold its lease already).
        }

        _blobExists = true;
    }
}
