using System.Globalization;
using System.Text.Json.Nodes;
using FuncCloud.Shared.Image;

namespace FuncCloud.Functions.Image.Api;

/// <summary>Images and members as Glance v2 renders them: core attributes, then additional properties flat.</summary>
public static class ImageWire
{
    /// <summary>The image body (<c>GET /v2/images/{id}</c>).</summary>
    public static JsonObject Image(ImageRecord image)
    {
        var body = new JsonObject();
        foreach (var (key, value) in image.Properties)
        {
            body[key] = value;
        }

        body["id"] = image.Id;
        body["name"] = image.Name;
        body["status"] = image.Status;
        body["visibility"] = image.Visibility;
        body["protected"] = image.Protected;
        body["os_hidden"] = image.OsHidden;
        body["checksum"] = image.Checksum;
        body["os_hash_algo"] = image.OsHashAlgo;
        body["os_hash_value"] = image.OsHashValue;
        body["owner"] = image.Owner;
        body["size"] = image.Size;
        body["virtual_size"] = image.VirtualSize;
        body["min_ram"] = image.MinRam;
        body["min_disk"] = image.MinDisk;
        body["disk_format"] = image.DiskFormat;
        body["container_format"] = image.ContainerFormat;
        body["created_at"] = Timestamp(image.CreatedAt);
        body["updated_at"] = Timestamp(image.UpdatedAt);
        body["tags"] = new JsonArray(image.Tags.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray());
        body["self"] = ImageRoutes.ImagePath(image.Id);
        body["file"] = ImageRoutes.ImagePath(image.Id) + "/file";
        body["schema"] = "/v2/schemas/image";
        return body;
    }

    /// <summary>A member body.</summary>
    public static JsonObject Member(ImageMemberRecord member) => new()
    {
        ["created_at"] = Timestamp(member.CreatedAt),
        ["image_id"] = member.ImageId,
        ["member_id"] = member.MemberId,
        ["schema"] = "/v2/schemas/member",
        ["status"] = member.Status,
        ["updated_at"] = Timestamp(member.UpdatedAt),
    };

    /// <summary>Glance's timestamp format (seconds, UTC, <c>Z</c>).</summary>
    public static string Timestamp(DateTimeOffset when) => when.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
