using System.Text.Json.Nodes;
using FuncCloud.Functions.Compute.Servers.Api;
using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.Servers;

namespace FuncCloud.Functions.Compute.VolumeAttachments;

/// <summary>Nova's volume attachment view (nova/api/openstack/compute/volumes.py), by microversion (max 2.79 here).</summary>
public static class VolumeAttachmentWire
{
    /// <summary>The collection route under a server.</summary>
    public const string Collection = ServerWire.Collection + "/{serverId}/os-volume_attachments";

    public static JsonObject View(ComputeApiVersion version, string serverId, ServerVolumeAttachment attachment)
    {
        var json = new JsonObject
        {
            ["device"] = attachment.Device,
            ["id"] = attachment.VolumeId,
            ["serverId"] = serverId,
            ["volumeId"] = attachment.VolumeId,
        };
        if (version.IsAtLeast(2, 70))
        {
            json["tag"] = null;
        }

        if (version.IsAtLeast(2, 79))
        {
            json["delete_on_termination"] = attachment.DeleteOnTermination;
        }

        return json;
    }
}
