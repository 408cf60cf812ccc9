using FuncCloud.LocalHost.Catalog;
using FuncCloud.LocalHost.Queues;
using FuncCloud.LocalHost.Tests.TestFunctions;
using FuncCloud.Shared.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Shouldly;
using Xunit;

namespace FuncCloud.LocalHost.Tests.Queues;

public sealed class QueueTriggerTargetTests
{
    private const string Connection = "UseDevelopmentStorage=true";

    private static readonly FunctionDescriptor Function =
        FunctionCatalog.Discover([typeof(QueueFunctions).Assembly]).Find(nameof(QueueFunctions.ProcessOrder))!;

    [Fact]
    public void Create_SettingExpression_ResolvedAndPrefixed()
    {
        var configuration = Configuration(("AzureWebJobsStorage", Connection), ("Commands:Queue", "agent-node1"));

        var target = QueueTriggerTarget.Create(Function, new QueueTriggerAttribute("%Commands:Queue%"), configuration, new StorageNames("T1"));

        target.Queue.Name.ShouldBe("t1-agent-node1");
        target.PoisonQueue.Name.ShouldBe("t1-agent-node1-poison");
    }

    [Fact]
    public void Create_NamedConnection_UsesThatSetting()
    {
        var configuration = Configuration(("Other", "DefaultEndpointsProtocol=http;AccountName=other;AccountKey=a2V5;QueueEndpoint=http://127.0.0.1:1/other;"));

        var target = QueueTriggerTarget.Create(Function, new QueueTriggerAttribute("q1") { Connection = "Other" }, configuration, new StorageNames(null));

        target.Queue.AccountName.ShouldBe("other");
    }

    [Fact]
    public void Create_MissingSetting_Throws()
    {
        var configuration = Configuration(("AzureWebJobsStorage", Connection));

        Should.Throw<InvalidOperationException>(() =>
            QueueTriggerTarget.Create(Function, new QueueTriggerAttribute("%Missing%"), configuration, new StorageNames(null)))
            .Message.ShouldContain("Missing");
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
}
