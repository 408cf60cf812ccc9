using System.Reflection;
using FuncCloud.LocalHost.Tests.TestFunctions;
using FuncCloud.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.DurableTask.Client;

namespace FuncCloud.LocalHost.Tests.Durable;

/// <summary>A LocalHost running this assembly's functions on its own task hub, with the durable probe.</summary>
public sealed class DurableHostFixture : LocalHostFixture
{
    public DurableTaskClient DurableClient => Services.GetRequiredService<DurableTaskClient>();

    public DurableProbe Probe => Services.GetRequiredService<DurableProbe>();

    protected override IEnumerable<Assembly> FunctionAssemblies => [typeof(DurableHostFixture).Assembly];

    protected override void ConfigureServices(WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DurableProbe>();
        builder.Services.AddSingleton<EchoCounter>();
    }
}
