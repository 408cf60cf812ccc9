using System.Net;
using System.Text.Json;
using FuncCloud.Durable.Compute.Workflows;
using FuncCloud.Shared.Image;
using FuncCloud.Testing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace FuncCloud.Functions.Tests.Compute.Servers;

/// <summary>A compute host for the image tests (one Fake node).</summary>
public sealed class ServerImageFixture : ComputeHostFixture;

/// <summary>Servers boot Glance's real records, as the caller sees them (nova asks Glance with the user's token).</summary>
public sealed class ServerImageTests(ServerImageFixture host) : IClassFixture<ServerImageFixture>
{
    [Fact]
    public async Task CreateServer_AnotherProjectsPrivateImage_Is400CanNotFindRequestedImage()
    {
        var imageId = Guid.NewGuid().ToString("D");
        await TestImages.SeedAsync(host.Services, imageId, "admin-private", ImageVisibility.Private);
        var demo = await ComputeApi.LoginAsync(host, host.DemoEnvironment);

        using var response = await demo.SendAsync(HttpMethod.Post, "/compute/v2.1/servers", Body("sneaky", imageId));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("badRequest");
        error.GetProperty("message").GetString().ShouldBe("Can not find requested image");
        var admin = await ComputeApi.LoginAsync(host, host.AdminEnvironment);
        using var asOwner = await admin.SendAsync(HttpMethod.Post, "/compute/v2.1/servers", Body("owned", imageId));
        asOwner.StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task CreateServer_SharedImageWithMembership_BootsForTheMember()
    {
        var imageId = Guid.NewGuid().ToString("D");
        await TestImages.SeedAsync(host.Services, imageId, "admin-shared", ImageVisibility.Shared);
        var demo = await ComputeApi.LoginAsync(host, host.DemoEnvironment);
        using (var before = await demo.SendAsync(HttpMethod.Post, "/compute/v2.1/servers", Body("not-yet", imageId)))
        {
            before.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }

        var demoProject = (await OpenStackCli.RunAsync(host.AdminEnvironment, "project", "show", "demo", "-f", "json")).Json.GetProperty("id").GetString()!;
        var added = await OpenStackCli.RunAsync(host.AdminEnvironment, "image", "add", "project", imageId, demoProject);
        added.ExitCode.ShouldBe(0, added.ToString());

        var id = await demo.BootAsyncWithImage("member-vm", imageId);
        (await demo.WaitSettledAsync(id, TimeSpan.FromSeconds(60))).GetProperty("status").GetString().ShouldBe("ACTIVE");
    }

    [Fact]
    public async Task CreateServer_QueuedImage_Is400NotActive()
    {
        var imageId = Guid.NewGuid().ToString("D");
        await TestImages.SeedAsync(host.Services, imageId, "no-data-yet", status: ImageStatus.Queued);
        var demo = await ComputeApi.LoginAsync(host, host.DemoEnvironment);

        using var response = await demo.SendAsync(HttpMethod.Post, "/compute/v2.1/servers", Body("early", imageId));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("badRequest").GetProperty("message").GetString()
            .ShouldBe($"Image {imageId} is not active.");
    }

    [Fact]
    public async Task CreateServer_ImageWithKernelAndRamdisk_BootSpecCarriesThem()
    {
        var imageId = Guid.NewGuid().ToString("D");
        var kernel = Guid.NewGuid().ToString("D");
        var ramdisk = Guid.NewGuid().ToString("D");
        await TestImages.SeedAsync(host.Services, imageId, "ami-style", properties: new Dictionary<string, string>
        {
            [ImageProperties.KernelId] = kernel,
            [ImageProperties.RamdiskId] = ramdisk,
        });
        var demo = await ComputeApi.LoginAsync(host, host.DemoEnvironment);

        var id = await demo.BootAsyncWithImage("ami-vm", imageId);

        var boot = await host.Services.GetRequiredService<DurableTaskClient>().GetInstanceAsync(ComputeWorkflowIds.Create(id), getInputsAndOutputs: true);
        var input = boot!.ReadInputAs<BootServerInput>()!;
        input.Instance.Image.ShouldBe(new Shared.Compute.ImageSpec(imageId, null, kernel, ramdisk));
        input.ImageProperties[ImageProperties.KernelId].ShouldBe(kernel);
        (await demo.WaitSettledAsync(id, TimeSpan.FromSeconds(60))).GetProperty("image").GetProperty("id").GetString().ShouldBe(imageId);
    }

    [Fact]
    public async Task ServerCreate_ImageByName_ResolvedThroughGlanceByTheCli()
    {
        var environment = new Dictionary<string, string>(host.DemoEnvironment) { ["OS_COMPUTE_API_VERSION"] = "2.79" };

        var created = await OpenStackCli.RunAsync(environment, "server", "create", "--flavor", "m1.tiny", "--image", ComputeHostFixture.ImageName, "--nic", "none", "--wait", "by-name", "-f", "json");

        created.ExitCode.ShouldBe(0, created.ToString());
        created.Json.GetProperty("image").ToString().ShouldContain(ComputeHostFixture.ImageId);
    }

    private static string Body(string name, string imageId) =>
        $"{{\"server\": {{\"name\": \"{name}\", \"flavorRef\": \"1\", \"imageRef\": \"{imageId}\", \"networks\": \"none\"}}}}";
}
