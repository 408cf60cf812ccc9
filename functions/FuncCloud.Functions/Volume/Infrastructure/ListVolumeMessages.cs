using System.Text.Json.Nodes;
using FuncCloud.Functions.Volume.Api;
using FuncCloud.Shared.Security.Policy;
using FuncCloud.Shared.Volume.Api;
using FuncCloud.Shared.Volume.Messages;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Volume.Infrastructure;

/// <summary><c>GET /messages</c> (3.3+): why the project's asynchronous operations failed, e.g. the filter that left no pool.</summary>
public sealed class ListVolumeMessages(CinderHttp http, VolumeMessageRepository messages, PolicyEnforcer policy)
{
    [Function(nameof(ListVolumeMessages))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = VolumeRoutes.Project + "/messages")] HttpRequest req,
        string projectId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, projectId, async call =>
        {
            if (!call.Version.IsAtLeast(3))
            {
                throw new VolumeResourceNotFoundException("API version", $"{call.Version} of GET /messages (3.3 or later is required)");
            }

            policy.Enforce(VolumePolicies.Messages, call.Caller, VolumeCall.Target(call.ProjectId));
            var resource = call.Query("resource_uuid");
            var list = (await messages.ListAsync(call.ProjectId, cancellationToken))
                .Where(m => resource is null || m.ResourceId == resource)
                .OrderByDescending(m => m.CreatedAt);
            return CinderHttp.Member("messages", new JsonArray([.. list.Select(m => (JsonNode)new JsonObject
            {
                ["id"] = m.Id,
                ["event_id"] = m.EventId,
                ["user_message"] = m.UserMessage,
                ["message_level"] = m.MessageLevel,
                ["resource_type"] = m.ResourceType,
                ["resource_uuid"] = m.ResourceId,
                ["created_at"] = VolumeWire.Time(m.CreatedAt),
                ["guaranteed_until"] = VolumeWire.Time(m.GuaranteedUntil),
                ["request_id"] = m.RequestId,
                ["links"] = VolumeWire.Links(call, "messages", m.Id, m.ProjectId),
            })]));
        }, cancellationToken);
}
