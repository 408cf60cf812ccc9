using FuncCloud.Agent.Hosting;
using Shouldly;
using Xunit;

namespace FuncCloud.Agent.Tests.Hosting;

public sealed class AgentOptionsTests
{
    [Fact]
    public void ResolveNodeNames_CountAndPattern_NumbersFromOne()
    {
        var options = new AgentOptions { NodeCount = 3, NodeNamePattern = "sim-{0:D2}" };

        options.ResolveNodeNames().ShouldBe(["sim-01", "sim-02", "sim-03"]);
    }

    [Fact]
    public void ResolveNodeNames_ExplicitListWins_OverCountAndName()
    {
        var options = new AgentOptions { Nodes = ["a", "b"], NodeCount = 5, NodeName = "c" };

        options.ResolveNodeNames().ShouldBe(["a", "b"]);
    }

    [Fact]
    public void Validate_BadNodeNameAndDriver_NamesEveryProblem()
    {
        var options = new AgentOptions { NodeName = "Bad_Name", Driver = "hyperv" };

        var problems = options.Validate().ToList();

        problems.Count.ShouldBe(2);
        problems.ShouldContain(p => p.Contains("Bad_Name"));
        problems.ShouldContain(p => p.Contains("hyperv"));
    }
}
