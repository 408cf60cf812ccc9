using System.Text.Json.Nodes;
using FuncCloud.Functions.Image.Services;
using FuncCloud.Shared.Image;

namespace FuncCloud.Functions.Image.Api;

/// <summary>The JSON schemas of <c>/v2/schemas/*</c> (what glanceclient validates against).</summary>
public static class ImageSchemas
{
    /// <summary><c>/v2/schemas/image</c>.</summary>
    public static JsonObject Image() => new()
    {
        ["name"] = "image",
        ["additionalProperties"] = new JsonObject { ["type"] = "string" },
        ["properties"] = new JsonObject
        {
            ["id"] = Prop("string", "An identifier for the image", readOnly: false, pattern: "^([0-9a-fA-F]){8}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){12}$"),
            ["name"] = Nullable("string", "Descriptive name for the image", 255),
            ["status"] = Enum("Status of the image", readOnly: true, ImageStatus.Queued, ImageStatus.Saving, ImageStatus.Active, ImageStatus.Killed, ImageStatus.Deleted, ImageStatus.Uploading, ImageStatus.Importing, "pending_delete", ImageStatus.Deactivated),
            ["visibility"] = Enum("Scope of image accessibility", readOnly: false, ImageVisibility.Community, ImageVisibility.Public, ImageVisibility.Private, ImageVisibility.Shared),
            ["protected"] = Prop("boolean", "If true, image will not be deletable."),
            ["os_hidden"] = Prop("boolean", "If true, image will not appear in default image list response."),
            ["checksum"] = Nullable("string", "md5 hash of image contents.", 32, readOnly: true),
            ["os_hash_algo"] = Nullable("string", "Algorithm to calculate the os_hash_value", 64, readOnly: true),
            ["os_hash_value"] = Nullable("string", "Hexdigest of the image contents using the algorithm specified by the os_hash_algo", 128, readOnly: true),
            ["owner"] = Nullable("string", "Owner of the image", 255),
            ["size"] = Nullable("integer", "Size of image file in bytes", null, readOnly: true),
            ["virtual_size"] = Nullable("integer", "Virtual size of image in bytes", null, readOnly: true),
            ["container_format"] = NullableEnum("Format of the container", ImageFormats.Container),
            ["disk_format"] = NullableEnum("Format of the disk", ImageFormats.Disk),
            ["created_at"] = Prop("string", "Date and time of image registration", readOnly: true),
            ["updated_at"] = Prop("string", "Date and time of the last image modification", readOnly: true),
            ["tags"] = new JsonObject { ["type"] = "array", ["description"] = "List of strings related to the image", ["items"] = new JsonObject { ["type"] = "string", ["maxLength"] = 255 } },
            ["min_ram"] = Prop("integer", "Amount of ram (in MB) required to boot image."),
            ["min_disk"] = Prop("integer", "Amount of disk space (in GB) required to boot image."),
            ["self"] = Prop("string", "An image self url", readOnly: true),
            ["file"] = Prop("string", "An image file url", readOnly: true),
            ["schema"] = Prop("string", "An image schema url", readOnly: true),
            ["kernel_id"] = Nullable("string", "ID of image stored in Glance that should be used as the kernel when booting an AMI-style image.", 36),
            ["ramdisk_id"] = Nullable("string", "ID of image stored in Glance that should be used as the ramdisk when booting an AMI-style image.", 36),
        },
        ["links"] = new JsonArray(
            new JsonObject { ["rel"] = "self", ["href"] = "{self}" },
            new JsonObject { ["rel"] = "enclosure", ["href"] = "{file}" },
            new JsonObject { ["rel"] = "describedby", ["href"] = "{schema}" }),
    };

    /// <summary><c>/v2/schemas/images</c>.</summary>
    public static JsonObject Images() => new()
    {
        ["name"] = "images",
        ["properties"] = new JsonObject
        {
            ["images"] = new JsonObject { ["type"] = "array", ["items"] = Image() },
            ["schema"] = new JsonObject { ["type"] = "string" },
            ["first"] = new JsonObject { ["type"] = "string" },
            ["next"] = new JsonObject { ["type"] = "string" },
        },
        ["links"] = new JsonArray(
            new JsonObject { ["rel"] = "first", ["href"] = "{first}" },
            new JsonObject { ["rel"] = "next", ["href"] = "{next}" },
            new JsonObject { ["rel"] = "describedby", ["href"] = "{schema}" }),
    };

    /// <summary><c>/v2/schemas/member</c>.</summary>
    public static JsonObject Member() => new()
    {
        ["name"] = "member",
        ["properties"] = new JsonObject
        {
            ["created_at"] = Prop("string", "Date and time of image member creation"),
            ["image_id"] = Prop("string", "An identifier for the image"),
            ["member_id"] = Prop("string", "An identifier for the image member (tenantId)"),
            ["status"] = Enum("The status of this image member", readOnly: false, MemberStatus.Pending, MemberStatus.Accepted, MemberStatus.Rejected),
            ["updated_at"] = Prop("string", "Date and time of last modification of image member"),
            ["schema"] = Prop("string", "A member schema url", readOnly: true),
        },
    };

    /// <summary><c>/v2/schemas/members</c>.</summary>
    public static JsonObject Members() => new()
    {
        ["name"] = "members",
        ["properties"] = new JsonObject
        {
            ["members"] = new JsonObject { ["type"] = "array", ["items"] = Member() },
            ["schema"] = new JsonObject { ["type"] = "string" },
        },
        ["links"] = new JsonArray(new JsonObject { ["rel"] = "describedby", ["href"] = "{schema}" }),
    };

    private static JsonObject Prop(string type, string description, bool readOnly = false, string? pattern = null)
    {
        var prop = new JsonObject { ["type"] = type, ["description"] = description };
        if (readOnly)
        {
            prop["readOnly"] = true;
        }

        if (pattern is not null)
        {
            prop["pattern"] = pattern;
        }

        return prop;
    }

    private static JsonObject Nullable(string type, string description, int? maxLength, bool readOnly = false)
    {
        var prop = new JsonObject { ["type"] = new JsonArray(type, "null"), ["description"] = description };
        if (maxLength is { } max)
        {
            prop["maxLength"] = max;
        }

        if (readOnly)
        {
            prop["readOnly"] = true;
        }

        return prop;
    }

    private static JsonObject Enum(string description, bool readOnly, params string[] values)
    {
        var prop = new JsonObject { ["type"] = "string", ["description"] = description, ["enum"] = new JsonArray(values.Select(v => (JsonNode?)v).ToArray()) };
        if (readOnly)
        {
            prop["readOnly"] = true;
        }

        return prop;
    }

    private static JsonObject NullableEnum(string description, IEnumerable<string> values) => new()
    {
        ["type"] = new JsonArray("null", "string"),
        ["description"] = description,
        ["enum"] = new JsonArray(values.Order(StringComparer.Ordinal).Select(v => (JsonNode?)v).Append(null).ToArray()),
    };
}
