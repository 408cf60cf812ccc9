using FuncCloud.Shared.OpenStack.Errors;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Functions.Monitor.Api;

/// <summary>404: no orchestration has this instance id.</summary>
public sealed class OrchestrationNotFoundException(string instanceId)
    : ResourceNotFoundException("orchestration", instanceId);

/// <summary>501: the durable backend cannot do this (e.g. rewind on Azure Storage through this host).</summary>
public sealed class MonitorNotSupportedException(string message)
    : OpenStackException(StatusCodes.Status501NotImplemented, "Not Implemented", message);
