using Azure.Storage.Queues.Models;
using FuncCloud.Functions.Automation.Services;
using FuncCloud.Shared.Automation;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Automation.Functions;

/// <summary><c>cloud-requests</c> → an authenticated API operation or batch, run as a durable workflow.</summary>
public sealed class ReceiveAutomationRequest(AutomationRequestReceiver receiver)
{
    [Function(nameof(ReceiveAutomationRequest))]
    public Task RunAsync(
        [QueueTrigger(AutomationNames.RequestQueue)] QueueMessage message,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        receiver.ReceiveAsync(message.Body.ToString(), message.MessageId, durable, cancellationToken);
}
