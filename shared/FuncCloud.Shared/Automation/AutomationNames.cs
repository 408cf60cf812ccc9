namespace FuncCloud.Shared.Automation;

/// <summary>The logical names of the automation queues and tables (the storage prefix is applied on top).</summary>
public static class AutomationNames
{
    /// <summary>Where automation drops its requests.</summary>
    public const string RequestQueue = "cloud-requests";

    /// <summary>The default reply queue.</summary>
    public const string ReplyQueue = "cloud-replies";

    /// <summary>Messages that could not be read at all, with the reason (the Functions host's own poison queue name).</summary>
    public const string PoisonQueue = RequestQueue + "-poison";

    /// <summary>The results table.</summary>
    public const string ResultsTable = "automationrequests";

    /// <summary>The resource type of an automation workflow's tags.</summary>
    public const string WorkflowResourceType = "automation";

    /// <summary>The version of the envelope schema this build reads.</summary>
    public const string SchemaVersion = "1";

    /// <summary>The orchestration instance of a request: derived from its correlation id, so a redelivery never starts a second one.</summary>
    public static string InstanceId(string correlationId) => "automation-" + correlationId;
}

/// <summary>The status of an automation request (its results row and reply).</summary>
public static class AutomationStatus
{
    /// <summary>Accepted and running.</summary>
    public const string Running = "running";

    /// <summary>Every operation answered 2xx (and reached a good final state when waited on).</summary>
    public const string Succeeded = "succeeded";

    /// <summary>An operation failed (its status code or final state says why); later steps did not run.</summary>
    public const string Failed = "failed";

    /// <summary>Never executed: bad input, bad credentials.</summary>
    public const string Rejected = "rejected";
}
