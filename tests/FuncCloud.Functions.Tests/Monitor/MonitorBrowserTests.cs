using System.Text.RegularExpressions;
using FuncCloud.Functions.Tests.Compute.Servers;
using FuncCloud.Testing;
using Microsoft.Playwright;
using Shouldly;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace FuncCloud.Functions.Tests.Monitor;

/// <summary>The monitor in a real browser: log in, find a server's boot workflow, its timeline, a failed boot's reason, terminate and purge.</summary>
[Collection(MonitorCollection.Name)]
public sealed partial class MonitorBrowserTests(MonitorFixture host)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Long = new() { Timeout = 60_000 };

    [Fact]
    public async Task Browser_FindServerBootWorkflowFromServerId_TimelineAndFailedBootsReason()
    {
        await host.EnsureNodeUpAsync();
        var api = await ComputeApi.LoginAsync(host, host.DemoEnvironment);
        var active = await api.BootAsync("web-ok");
        var failed = await api.BootAsync("web-too-big", MonitorFixture.HugeFlavorId);
        await api.WaitSettledAsync(active, TimeSpan.FromMinutes(1));
        await api.WaitSettledAsync(failed, TimeSpan.FromMinutes(1));

        await using var browser = await MonitorBrowser.LaunchAsync(host.BaseAddress);
        var page = browser.Page;
        await page.GotoAsync("/monitor/");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeVisibleAsync(Long);
        await browser.ScreenshotAsync("01-login");

        // A wrong password shows keystone's message.
        await browser.LoginAsync("admin", "wrong", "admin");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("requires authentication", new() { Timeout = 30_000 });
        await browser.LoginAsync("admin", IdentityHostFixture.AdminPassword, "admin");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Workflows overview" })).ToBeVisibleAsync(Long);
        await Expect(page.GetByText("Failed recently")).ToBeVisibleAsync(Long);
        await Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("BootServerWorkflow") }).First).ToBeVisibleAsync(Long);
        await browser.ScreenshotAsync("02-overview");

        // From the server id to its boot workflow and its timeline.
        var search = page.GetByPlaceholder("Server id or workflow instance id");
        await search.FillAsync(active);
        await search.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "server " + active })).ToBeVisibleAsync(Long);
        await Expect(page.GetByText("create", new() { Exact = true })).ToBeVisibleAsync(Long);
        await browser.ScreenshotAsync("03-server-workflows");
        await page.GetByRole(AriaRole.Link, new() { Name = "BootServerWorkflow" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Img, new() { NameRegex = new Regex("Timeline of \\d+ steps") })).ToBeVisibleAsync(Long);
        await Expect(page.GetByText("Completed", new() { Exact = true }).First).ToBeVisibleAsync(Long);
        await browser.ScreenshotAsync("04-instance-timeline");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Sequence" }).ClickAsync();
        await Expect(page.GetByText("agent local").First).ToBeVisibleAsync(Long);
        await browser.ScreenshotAsync("05-instance-sequence");

        // The failed boot says why, without a log.
        await search.FillAsync(failed);
        await search.PressAsync("Enter");
        await page.GetByRole(AriaRole.Link, new() { Name = "BootServerWorkflow" }).ClickAsync();
        var why = page.GetByTestId("why");
        await Expect(why).ToContainTextAsync("RamFilter", new() { Timeout = 60_000 });
        (await why.InnerTextAsync()).ShouldContain("No valid host");
        await browser.ScreenshotAsync("06-failed-boot-why");

        // Narrow screen: the same page still works (the side menu folds away).
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/monitor/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Workflows overview" })).ToBeVisibleAsync(Long);
        await browser.ScreenshotAsync("07-overview-narrow");
    }

    [Fact]
    public async Task Browser_StuckWorkflow_TerminatedWithConfirmationThenPurgedFromTheList()
    {
        await host.EnsureNodeUpAsync();
        var api = await ComputeApi.LoginAsync(host, host.DemoEnvironment);
        await using var browser = await MonitorBrowser.LaunchAsync(host.BaseAddress);
        var page = browser.Page;
        await browser.LoginAsync("admin", IdentityHostFixture.AdminPassword, "admin");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Workflows overview" })).ToBeVisibleAsync(Long);

        await host.StopAgentAsync();
        try
        {
            var id = await api.BootAsync("web-stuck");
            var instanceId = id + ":create";
            await page.GotoAsync("/monitor/orchestrations/" + Uri.EscapeDataString(instanceId));
            await Expect(page.GetByTestId("why")).ToContainTextAsync("down since", new() { Timeout = 90_000 });
            await browser.ScreenshotAsync("08-stuck-why");

            await page.GetByRole(AriaRole.Button, new() { Name = "Terminate" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await Expect(dialog).ToContainTextAsync("Terminate " + instanceId);
            await dialog.GetByLabel("Reason").FillAsync("agent gone");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Terminate" }).ClickAsync();
            await Expect(page.GetByText("Terminated", new() { Exact = true }).First).ToBeVisibleAsync(Long);
            await Expect(page.GetByTestId("why")).ToContainTextAsync("agent gone", new() { Timeout = 30_000 });
            await browser.ScreenshotAsync("09-terminated");

            await page.GotoAsync("/monitor/orchestrations?status=Terminated");
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = instanceId })).ToBeVisibleAsync(Long);
            await browser.ScreenshotAsync("10-list-terminated");
            await page.GetByRole(AriaRole.Button, new() { Name = "Purge old…" }).ClickAsync();
            var purge = page.GetByRole(AriaRole.Dialog);
            await purge.GetByLabel("Completed").UncheckAsync();
            await purge.GetByLabel("Failed").UncheckAsync();
            await purge.GetByLabel("Older than hours").FillAsync("0");
            await browser.ScreenshotAsync("11-purge-dialog");
            await purge.GetByRole(AriaRole.Button, new() { Name = "Purge" }).ClickAsync();
            await Expect(page.GetByText(PurgedMessage())).ToBeVisibleAsync(Long);
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = instanceId })).ToHaveCountAsync(0, new() { Timeout = 30_000 });

            var monitor = new MonitorClient(host.Client, await host.TokenAsync("admin", IdentityHostFixture.AdminPassword, "admin"));
            (await monitor.SendAsync(HttpMethod.Get, "/orchestrations/" + instanceId)).Status.ShouldBe(404);
        }
        finally
        {
            await host.EnsureNodeUpAsync();
        }
    }

    [Fact]
    public async Task App_ServedWithCacheHeadersGzipAndSpaFallback()
    {
        using var index = await host.Client.GetAsync("/monitor/orchestrations/some-deep-link");
        index.IsSuccessStatusCode.ShouldBeTrue();
        index.Headers.CacheControl!.NoCache.ShouldBeTrue();
        var html = await index.Content.ReadAsStringAsync();
        html.ShouldContain("<div id=\"root\">");
        var script = AssetPath().Match(html).Value;

        using var request = new HttpRequestMessage(HttpMethod.Get, script);
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        using var asset = await host.Client.SendAsync(request);
        asset.IsSuccessStatusCode.ShouldBeTrue();
        asset.Content.Headers.ContentEncoding.ShouldContain("gzip");
        asset.Headers.CacheControl!.MaxAge.ShouldBe(TimeSpan.FromDays(365));

        using var redirect = await new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress }.GetAsync("/monitor");
        ((int)redirect.StatusCode).ShouldBe(302);
        (await host.Client.GetAsync("/monitor/assets/missing.js")).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
        var (status, _) = await new MonitorClient(host.Client, null).SendAsync(HttpMethod.Get, "/no-such-route");
        status.ShouldBe(404);
    }

    [GeneratedRegex("Purged \\d+ workflow")]
    private static partial Regex PurgedMessage();

    [GeneratedRegex("/monitor/assets/index-[^\"]+\\.js")]
    private static partial Regex AssetPath();
}
