using System.Reflection;
using FuncCloud.Testing;

namespace FuncCloud.LocalHost.Tests.Timers;

/// <summary>A LocalHost whose timer functions report to <see cref="Recorder"/>.</summary>
public sealed class TimerHostFixture : LocalHostFixture
{
    public TimerRecorder Recorder { get; } = new();

    protected override IEnumerable<Assembly> FunctionAssemblies => [typeof(TimerHostFixture).Assembly];

    protected override void ConfigureServices(Microsoft.AspNetCore.Builder.WebApplicationBuilder builder) =>
        builder.Services.AddSingleton(Recorder);
}
