using System.Reflection;
using FuncCloud.Testing;

namespace FuncCloud.LocalHost.Tests;

/// <summary>A LocalHost running the contract-test functions of this assembly.</summary>
public sealed class ContractHostFixture : LocalHostFixture
{
    protected override IEnumerable<Assembly> FunctionAssemblies => [typeof(ContractHostFixture).Assembly];

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["FuncCloud:LocalHost:FunctionKey"] = TestKeys.Function,
        ["FuncCloud:LocalHost:MasterKey"] = TestKeys.Master,
    };

    protected override void ConfigureServices(Microsoft.AspNetCore.Builder.WebApplicationBuilder builder) =>
        builder.Services.AddSingleton<TestFunctions.EchoCounter>();
}

/// <summary>The function keys the contract host accepts.</summary>
public static class TestKeys
{
    public const string Function = "function-key-for-tests";
    public const string Master = "master-key-for-tests";
}
