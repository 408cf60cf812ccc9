using Azure.Storage.Queues;
using FuncCloud.LocalHost.Catalog;
using FuncCloud.LocalHost.Hosting;
using FuncCloud.Shared.Storage;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.LocalHost.Queues;

/// <summary>A queue-triggered function with its queue and poison queue resolved.</summary>
/// <param name="Function">The function to invoke.</param>
/// <param name="Queue">The (prefixed) queue it listens on.</param>
/// <param name="PoisonQueue"><c>&lt;queue&gt;-poison</c>, where messages go after maxDequeueCount failures.</param>
public sealed record QueueTriggerTarget(FunctionDescriptor Function, QueueClient Queue, QueueClient PoisonQueue)
{
    /// <summary>The suffix of the poison queue, as in Functions.</summary>
    public const string PoisonSuffix = "-poison";

    /// <summary>
    /// Resolves the trigger of <paramref name="function"/>: <c>%Setting%</c> expressions in the queue name, the
    /// storage prefix (so deployments and test classes sharing an account stay apart), the connection.
    /// </summary>
    /// <exception cref="InvalidOperationException">A setting is missing.</exception>
    public static QueueTriggerTarget Create(FunctionDescriptor function, QueueTriggerAttribute trigger, IConfiguration configuration, StorageNames names)
    {
        var queueName = names.Queue(AppSettingExpression.Resolve(trigger.QueueName, configuration));
        var connectionString = QueueConnection.Resolve(trigger.Connection, configuration);
        return new QueueTriggerTarget(
            function,
            QueueConnection.CreateClient(connectionString, queueName),
            QueueConnection.CreateClient(connectionString, queueName + PoisonSuffix));
    }
}
