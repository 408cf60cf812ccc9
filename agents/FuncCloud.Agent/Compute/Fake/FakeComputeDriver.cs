using FuncCloud.Shared.Compute;

namespace FuncCloud.Agent.Compute.Fake;

/// <summary>
/// An in-memory hypervisor (nova's <c>nova.virt.fake.FakeDriver</c>): instances are entries in a dictionary,
/// operations take the configured latency and fail when failure injection says so. Cheap enough that one
/// process hosts hundreds of them, which is how FuncCloud simulates scale. Thread-safe.
/// </summary>
public sealed partial class FakeComputeDriver : IComputeDriver
{
    private readonly FakeDriverOptions _options;
    private readonly FakeFaultInjector _faults;
    private readonly Dictionary<string, FakeInstance> _instances = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;

    /// <param name="options">Capacity, latency and failure injection.</param>
    /// <param name="stateFile">Where the instances are kept across restarts; null keeps them in memory only.</param>
    /// <param name="time">The clock telemetry counters advance with (the system's by default).</param>
    public FakeComputeDriver(FakeDriverOptions options, string? stateFile = null, TimeProvider? time = null)
    {
        _options = options;
        _time = time ?? TimeProvider.System;
        _faults = new FakeFaultInjector(options);
        StateFile = stateFile;
        Load();
    }

    public string Name => "fake";

    /// <summary>The node this driver was initialised for.</summary>
    public string? NodeName { get; private set; }

    /// <summary>How many times <paramref name="operation"/> was called (failed calls included).</summary>
    public int CallCount(FakeOperation operation) => _faults.CallCount(operation);

    /// <summary>Makes the next call of <paramref name="operation"/> fail, on top of the configured injection.</summary>
    public void FailNextCall(FakeOperation operation) => _faults.FailNextCall(operation);

    /// <summary>
    /// The config drive files the instance was last spawned or rebuilt with (what the Libvirt driver writes into its
    /// <c>config-2</c> ISO), or null when it has none.
    /// </summary>
    public IReadOnlyList<ConfigDriveFile>? ConfigDriveOf(string serverId)
    {
        lock (_gate)
        {
            return Find(serverId).Spec.ConfigDriveFiles;
        }
    }

    /// <summary>
    /// Changes an instance's power state behind the agent's back, as a guest that shuts itself down or
    /// crashes would.
    /// </summary>
    public void SetPowerState(string serverId, PowerState state)
    {
        lock (_gate)
        {
            Find(serverId).State = state;
            Save();
        }
    }

    public Task InitHostAsync(string nodeName, CancellationToken cancellationToken)
    {
        NodeName = nodeName;
        return Task.CompletedTask;
    }

    public Task<HostResources> GetAvailableResourcesAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var (vcpus, memory, disk) = Used();
            return Task.FromResult(new HostResources(_options.Vcpus, vcpus, _options.MemoryMb, memory, _options.DiskGb, disk));
        }
    }

    public Task<IReadOnlyList<string>> ListInstancesAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<string>>([.. _instances.Keys]);
        }
    }

    public Task<InstanceInfo> GetInstanceInfoAsync(string serverId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(Find(serverId).ToInfo());
        }
    }

    public async Task SpawnAsync(InstanceSpec instance, CancellationToken cancellationToken)
    {
        var (call, fail, latency) = _faults.Next(FakeOperation.Spawn);
        var created = new FakeInstance(instance, _options.ConsoleOutput);
        foreach (var volume in instance.Volumes ?? [])
        {
            created.Volumes[volume.VolumeId] = volume.Device; // boot from volume: held from the spawn on
        }

        lock (_gate)
        {
            if (_instances.ContainsKey(instance.ServerId))
            {
                throw new InstanceExistsException(instance.ServerId);
            }

            EnsureFits(instance.ServerId, instance.Flavor);
            _instances.Add(instance.ServerId, created); // the "partial work": resources are claimed while building
        }

        try
        {
            await DelayAsync(latency, cancellationToken);
            if (fail)
            {
                throw new FakeInjectedFailureException(instance.ServerId, FakeOperation.Spawn, call);
            }

            lock (_gate)
            {
                created.State = PowerState.Running;
                Save();
            }
        }
        catch
        {
            // The spawn contract: a failed spawn leaves nothing behind.
            lock (_gate)
            {
                if (_instances.TryGetValue(instance.ServerId, out var current) && ReferenceEquals(current, created))
                {
                    _instances.Remove(instance.ServerId);
                }
            }

            throw;
        }
    }

    public async Task DestroyAsync(string serverId, CancellationToken cancellationToken)
    {
        var (call, fail, latency) = _faults.Next(FakeOperation.Destroy);
        await DelayAsync(latency, cancellationToken);
        if (fail)
        {
            throw new FakeInjectedFailureException(serverId, FakeOperation.Destroy, call);
        }

        lock (_gate)
        {
            if (_instances.Remove(serverId)) // missing is success
            {
                Save();
            }
        }
    }

    public Task<string> GetConsoleOutputAsync(string serverId, CancellationToken cancellationToken)
    {
        var (call, fail, _) = _faults.Next(FakeOperation.GetConsoleOutput);
        if (fail)
        {
            throw new FakeInjectedFailureException(serverId, FakeOperation.GetConsoleOutput, call);
        }

        lock (_gate)
        {
            return Task.FromResult(string.Join('\n', Find(serverId).Console));
        }
    }

    /// <summary>Runs a mutation of an existing instance with the operation's latency and failure injection.</summary>
    private async Task MutateAsync(FakeOperation operation, string serverId, Action<FakeInstance> apply, CancellationToken cancellationToken)
    {
        var (call, fail, latency) = _faults.Next(operation);
        lock (_gate)
        {
            Find(serverId);
        }

        await DelayAsync(latency, cancellationToken);
        if (fail)
        {
            throw new FakeInjectedFailureException(serverId, operation, call);
        }

        lock (_gate)
        {
            apply(Find(serverId));
            Save();
        }
    }

    private FakeInstance Find(string serverId) =>
        _instances.TryGetValue(serverId, out var instance) ? instance : throw new InstanceNotFoundException(serverId);

    private (int Vcpus, int MemoryMb, int DiskGb) Used()
    {
        int vcpus = 0, memory = 0, disk = 0;
        foreach (var instance in _instances.Values)
        {
            foreach (var flavor in instance.PreviousFlavor is { } previous ? [instance.Flavor, previous] : new[] { instance.Flavor })
            {
                vcpus += flavor.Vcpus;
                memory += flavor.MemoryMb;
                disk += flavor.DiskGb;
            }
        }

        return (vcpus, memory, disk);
    }

    // Off by default: nova's fake driver trusts placement, which over-commits by its allocation ratios
    // (1.5× RAM, 16× VCPU); refusing beyond the physical size would turn "No valid host" into spawn failures.
    private void EnsureFits(string serverId, FlavorSpec extra)
    {
        if (!_options.EnforceCapacity)
        {
            return;
        }

        var (vcpus, memory, disk) = Used();
        if (vcpus + extra.Vcpus > _options.Vcpus)
        {
            throw new InsufficientResourcesException(serverId, HostResources.Vcpu, extra.Vcpus, _options.Vcpus - vcpus);
        }

        if (memory + extra.MemoryMb > _options.MemoryMb)
        {
            throw new InsufficientResourcesException(serverId, HostResources.MemoryMb, extra.MemoryMb, _options.MemoryMb - memory);
        }

        if (disk + extra.DiskGb > _options.DiskGb)
        {
            throw new InsufficientResourcesException(serverId, HostResources.DiskGb, extra.DiskGb, _options.DiskGb - disk);
        }
    }

    private static Task DelayAsync(TimeSpan latency, CancellationToken cancellationToken) =>
        latency > TimeSpan.Zero ? Task.Delay(latency, cancellationToken) : Task.CompletedTask;
}
