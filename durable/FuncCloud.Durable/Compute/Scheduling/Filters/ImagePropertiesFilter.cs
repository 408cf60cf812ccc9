namespace FuncCloud.Durable.Compute.Scheduling.Filters;

/// <summary>The image's <c>hw_architecture</c>, <c>img_hv_type</c> and <c>hw_vm_mode</c> must be supported by the host (nova's ImagePropertiesFilter).</summary>
public sealed class ImagePropertiesFilter : IHostFilter
{
    public string Name => nameof(ImagePropertiesFilter);

    public string? Reject(HostState host, RequestSpec spec)
    {
        if ((spec.ImageProperties.GetValueOrDefault("hw_architecture") ?? spec.ImageProperties.GetValueOrDefault("architecture")) is { } arch
            && Canonical(arch) != Canonical(host.Node.Architecture))
        {
            return $"{host.Name} runs {host.Node.Architecture} guests, the image needs {arch}";
        }

        if (spec.ImageProperties.GetValueOrDefault("img_hv_type") is { } hvType && !HypervisorTypes(host.Node.Driver).Contains(hvType.ToLowerInvariant()))
        {
            return $"{host.Name} hypervisor {host.Node.Driver} is not {hvType}";
        }

        if (spec.ImageProperties.GetValueOrDefault("hw_vm_mode") is { } mode && !string.Equals(mode, "hvm", StringComparison.OrdinalIgnoreCase))
        {
            return $"{host.Name} runs hvm guests, the image needs {mode}";
        }

        return null;
    }

    private static string Canonical(string arch) => arch.ToLowerInvariant() switch
    {
        "amd64" or "x64" or "x86-64" => "x86_64",
        "arm64" => "aarch64",
        var a => a,
    };

    private static string[] HypervisorTypes(string driver) => driver.ToLowerInvariant() switch
    {
        "libvirt" => ["qemu", "kvm"],
        var d => [d],
    };
}
