namespace FuncCloud.Functions.Image.Bootstrap;

/// <summary>
/// The image created at start so the first <c>openstack server create</c> has something to boot, bound
/// from <c>FuncCloud:Bootstrap:DefaultImage</c> (env: <c>FuncCloud__Bootstrap__DefaultImage__Enabled=true</c>).
/// </summary>
public sealed class DefaultImageOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "FuncCloud:Bootstrap:DefaultImage";

    /// <summary>Creates the image at start (off by default; <c>./funccloud up</c> turns it on).</summary>
    public bool Enabled { get; set; }

    /// <summary>The image name; the image is found again by this name in the admin project (idempotence).</summary>
    public string Name { get; set; } = "funccloud-test-image";

    /// <summary>The project that owns it (a name in the Default domain).</summary>
    public string Project { get; set; } = "admin";

    /// <summary>Size of the generated raw disk, bytes.</summary>
    public int SizeBytes { get; set; } = 1024 * 1024;
}
