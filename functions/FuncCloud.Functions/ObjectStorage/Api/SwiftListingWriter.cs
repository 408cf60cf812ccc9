using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;
using FuncCloud.Shared.ObjectStorage;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Functions.ObjectStorage.Api;

/// <summary>A listing's wire format.</summary>
public enum ListingFormat
{
    /// <summary>One name per line (swift's default).</summary>
    Plain,

    /// <summary>A JSON array of objects.</summary>
    Json,

    /// <summary>An XML document.</summary>
    Xml,
}

/// <summary>Writes account and container listings in swift's three formats.</summary>
public static class SwiftListingWriter
{
    /// <summary>The format asked for: <c>format=json|xml|plain</c>, else the Accept header.</summary>
    public static ListingFormat Format(SwiftCall call)
    {
        var format = call.Query("format")?.ToLowerInvariant() ?? call.Header("Accept")?.ToLowerInvariant() ?? string.Empty;
        return format switch
        {
            _ when format.Contains("json") => ListingFormat.Json,
            _ when format.Contains("xml") => ListingFormat.Xml,
            _ => ListingFormat.Plain,
        };
    }

    /// <summary>The content type of <paramref name="format"/>.</summary>
    public static string ContentType(ListingFormat format) => format switch
    {
        ListingFormat.Json => "application/json; charset=utf-8",
        ListingFormat.Xml => "application/xml; charset=utf-8",
        _ => "text/plain; charset=utf-8",
    };

    /// <summary>A container listing (account GET).</summary>
    public static byte[] Containers(string account, IReadOnlyList<ListingItem<ContainerEntry>> items, ListingFormat format) => Write(format, "account", account, items, (json, item) =>
    {
        var c = item.Value!;
        json.WriteString("name", c.Name);
        json.WriteNumber("count", c.ObjectCount);
        json.WriteNumber("bytes", c.BytesUsed);
        json.WriteString("last_modified", SwiftTime.Listing(c.LastModified));
    }, (xml, item) =>
    {
        var c = item.Value!;
        xml.WriteStartElement("container");
        xml.WriteElementString("name", c.Name);
        xml.WriteElementString("count", c.ObjectCount.ToString(CultureInfo.InvariantCulture));
        xml.WriteElementString("bytes", c.BytesUsed.ToString(CultureInfo.InvariantCulture));
        xml.WriteElementString("last_modified", SwiftTime.Listing(c.LastModified));
        xml.WriteEndElement();
    });

    /// <summary>An object listing (container GET).</summary>
    public static byte[] Objects(string container, IReadOnlyList<ListingItem<ObjectRecord>> items, ListingFormat format) => Write(format, "container", container, items, (json, item) =>
    {
        var o = item.Value!;
        json.WriteString("hash", o.Etag);
        json.WriteString("last_modified", SwiftTime.Listing(o.LastModified));
        json.WriteNumber("bytes", o.Size);
        json.WriteString("name", o.Name);
        json.WriteString("content_type", o.ContentType);
    }, (xml, item) =>
    {
        var o = item.Value!;
        xml.WriteStartElement("object");
        xml.WriteElementString("name", o.Name);
        xml.WriteElementString("hash", o.Etag);
        xml.WriteElementString("bytes", o.Size.ToString(CultureInfo.InvariantCulture));
        xml.WriteElementString("content_type", o.ContentType);
        xml.WriteElementString("last_modified", SwiftTime.Listing(o.LastModified));
        xml.WriteEndElement();
    });

    private static byte[] Write<T>(ListingFormat format, string root, string rootName, IReadOnlyList<ListingItem<T>> items, Action<Utf8JsonWriter, ListingItem<T>> json, Action<XmlWriter, ListingItem<T>> xml)
        where T : class
    {
        using var buffer = new MemoryStream();
        switch (format)
        {
            case ListingFormat.Json:
                using (var writer = new Utf8JsonWriter(buffer))
                {
                    writer.WriteStartArray();
                    foreach (var item in items)
                    {
                        writer.WriteStartObject();
                        if (item.IsSubdir)
                        {
                            writer.WriteString("subdir", item.Name);
                        }
                        else
                        {
                            json(writer, item);
                        }

                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                }

                break;
            case ListingFormat.Xml:
                using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
                {
                    writer.WriteStartDocument();
                    writer.WriteStartElement(root);
                    writer.WriteAttributeString("name", rootName);
                    foreach (var item in items)
                    {
                        if (item.IsSubdir)
                        {
                            writer.WriteStartElement("subdir");
                            writer.WriteAttributeString("name", item.Name);
                            writer.WriteElementString("name", item.Name);
                            writer.WriteEndElement();
                        }
                        else
                        {
                            xml(writer, item);
                        }
                    }

                    writer.WriteEndElement();
                    writer.WriteEndDocument();
                }

                break;
            default:
                foreach (var item in items)
                {
                    buffer.Write(Encoding.UTF8.GetBytes(item.Name + "\n"));
                }

                break;
        }

        return buffer.ToArray();
    }
}
