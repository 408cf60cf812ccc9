using System.ComponentModel;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace FuncCloud.Agent.Tests.Network;

/// <summary>Marks a driver test class whose driver needs root (the real host); its <see cref="DriverFactAttribute"/> tests skip, saying why, when not root.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresRootAttribute : Attribute;

/// <summary>A conformance fact: runs on every subclass, skipped on a <see cref="RequiresRootAttribute"/> class when the process is not root.</summary>
[XunitTestCaseDiscoverer("FuncCloud.Agent.Tests.Network.DriverFactDiscoverer", "FuncCloud.Agent.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class DriverFactAttribute : FactAttribute;

/// <summary>Finds <see cref="DriverFactAttribute"/> tests and decides per test class whether they can run.</summary>
public sealed class DriverFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var needsRoot = testMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresRootAttribute)).Any();
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        yield return needsRoot && !Environment.IsPrivilegedProcess
            ? new NotRootTestCase(diagnosticMessageSink, display, displayOptions, testMethod)
            : new XunitTestCase(diagnosticMessageSink, display, displayOptions, testMethod);
    }
}

/// <summary>A test case skipped because the process is not root.</summary>
public sealed class NotRootTestCase : XunitTestCase
{
    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Called by the de-serializer")]
    public NotRootTestCase()
    {
    }

    public NotRootTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod method)
        : base(sink, display, options, method)
    {
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute) => RootFactAttribute.NotRootReason;
}
