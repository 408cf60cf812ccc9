namespace FuncCloud.Agent.Compute.Libvirt;

/// <summary>Whether this host's <c>/dev/kvm</c> really runs stock guests.</summary>
public static class KvmProbe
{
    /// <summary>
    /// True when <c>/dev/kvm</c> opens read-write and is not the PVM flavour of KVM (<c>kvm_pvm</c>, found in
    /// nested sandboxes), under which stock guest kernels hang: there the driver falls back to TCG.
    /// </summary>
    public static bool IsUsable(string devKvm = "/dev/kvm", string sysModule = "/sys/module")
    {
        if (Directory.Exists(Path.Combine(sysModule, "kvm_pvm")))
        {
            return false;
        }

        try
        {
            using var kvm = new FileStream(devKvm, FileMode.Open, FileAccess.ReadWrite);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
