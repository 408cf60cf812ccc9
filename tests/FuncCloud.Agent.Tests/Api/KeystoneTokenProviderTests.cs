using FuncCloud.Agent.Api;
using FuncCloud.Agent.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Shouldly;
using Xunit;

namespace FuncCloud.Agent.Tests.Api;

public sealed class KeystoneTokenProviderTests
{
    [Fact]
    public async Task GetTokenAsync_TokenFarFromExpiry_ReusesIt()
    {
        await using var keystone = await StubApiServer.StartAsync();
        var provider = Create(keystone, StubApiServer.Password);

        var first = await provider.GetTokenAsync(CancellationToken.None);
        var second = await provider.GetTokenAsync(CancellationToken.None);

        first.ShouldBe("token-1");
        second.ShouldBe(first);
        keystone.TokensIssued.ShouldBe(1);
    }

    [Fact]
    public async Task GetTokenAsync_TokenWithinRefreshMargin_IssuesANewOne()
    {
        await using var keystone = await StubApiServer.StartAsync();
        keystone.TokenLifetime = TimeSpan.FromMinutes(2); // inside the 5-minute refresh margin
        var provider = Create(keystone, StubApiServer.Password);

        var first = await provider.GetTokenAsync(CancellationToken.None);
        var second = await provider.GetTokenAsync(CancellationToken.None);

        (first, second).ShouldBe(("token-1", "token-2"));
    }

    [Fact]
    public async Task GetTokenAsync_AfterInvalidate_IssuesANewOne()
    {
        await using var keystone = await StubApiServer.StartAsync();
        var provider = Create(keystone, StubApiServer.Password);
        var first = await provider.GetTokenAsync(CancellationToken.None);

        provider.Invalidate(first);

        (await provider.GetTokenAsync(CancellationToken.None)).ShouldBe("token-2");
    }

    [Fact]
    public async Task GetTokenAsync_WrongPassword_ThrowsWithStatus()
    {
        await using var keystone = await StubApiServer.StartAsync();
        var provider = Create(keystone, "wrong");

        var error = await Should.ThrowAsync<KeystoneAuthenticationException>(() => provider.GetTokenAsync(CancellationToken.None));

        error.Message.ShouldContain("401");
    }

    private static KeystoneTokenProvider Create(StubApiServer keystone, string password)
    {
        var services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        var options = Options.Create(new AgentApiOptions { AuthUrl = keystone.AuthUrl, Password = password });
        return new KeystoneTokenProvider(services.GetRequiredService<IHttpClientFactory>(), options, TimeProvider.System, NullLogger<KeystoneTokenProvider>.Instance);
    }
}
