namespace FuncCloud.Functions.Image;

/// <summary>Limits and quotas of the image service, bound from <c>FuncCloud:Image</c> (Glance's defaults are generous too).</summary>
public sealed class ImageOptions
{
    /// <summary>Largest single image, bytes (Glance's <c>image_size_cap</c>, 1 TiB).</summary>
    public long ImageSizeCap { get; set; } = 1L << 40;

    /// <summary>Images a project may own (<c>image_count_total</c>).</summary>
    public int ImageCountTotal { get; set; } = 10_000;

    /// <summary>Bytes of image data a project may own (<c>image_size_total</c>, 10 TiB).</summary>
    public long ImageSizeTotal { get; set; } = 10L << 40;

    /// <summary>Tags per image (<c>image_tag_quota</c>).</summary>
    public int ImageTagQuota { get; set; } = 128;

    /// <summary>Additional properties per image (<c>image_property_quota</c>).</summary>
    public int ImagePropertyQuota { get; set; } = 128;

    /// <summary>Members per image (<c>image_member_quota</c>).</summary>
    public int ImageMemberQuota { get; set; } = 128;

    /// <summary>Default page size of image lists (<c>limit_param_default</c>).</summary>
    public int LimitParamDefault { get; set; } = 25;

    /// <summary>Largest page size (<c>api_limit_max</c>).</summary>
    public int ApiLimitMax { get; set; } = 1000;
}
