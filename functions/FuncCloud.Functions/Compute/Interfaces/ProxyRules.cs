using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.OpenStack.Errors;

namespace FuncCloud.Functions.Compute.Interfaces;

/// <summary>nova's network proxy APIs end at 2.36 (404 from then on) and follow the security group list policy.</summary>
internal static class ProxyRules
{
    public static void RequireBefore236(ComputeCall call)
    {
        if (call.Version.IsAtLeast(2, 36))
        {
            throw new HttpStatusError(404, "The resource could not be found.");
        }
    }
}
