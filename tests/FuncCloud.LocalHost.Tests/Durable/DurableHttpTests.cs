using System.Net;
using System.Net.Http.Json;
using FuncCloud.LocalHost.Tests.TestFunctions;
using Microsoft.DurableTask.Client;
using Shouldly;
using Xunit;

namespace FuncCloud.LocalHost.Tests.Durable;

/// <summary>An HTTP function starting a workflow through <c>[DurableClient]</c>, with the resource id as instance id.</summary>
public sealed class DurableHttpTests(DurableHostFixture host) : IClassFixture<DurableHostFixture>
{
    [Fact]
    public async Task StartProvisioning_PostedTwice_OneWorkflowUnderTheResourceId()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var id = "vol-" + Guid.NewGuid().ToString("N");

        using var first = await host.Client.PostAsync($"/durable/resources/{id}", content: null, timeout.Token);
        using var retried = await host.Client.PostAsync($"/durable/resources/{id}", content: null, timeout.Token);
        await host.DurableClient.RaiseEventAsync(id, DurableEvents.Continue, "go", timeout.Token);
        var instance = await host.DurableClient.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);

        first.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await first.Content.ReadFromJsonAsync<ProvisionAccepted>(timeout.Token)).ShouldBe(new ProvisionAccepted(id, Started: true));
        retried.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await retried.Content.ReadFromJsonAsync<ProvisionAccepted>(timeout.Token)).ShouldBe(new ProvisionAccepted(id, Started: false));
        instance.RuntimeStatus.ShouldBe(OrchestrationRuntimeStatus.Completed);
        instance.ReadInputAs<ProvisionRequest>().ShouldBe(new ProvisionRequest(id));
        host.Probe.Count(id).ShouldBe(1);
    }
}
