using FuncCloud.Functions.Automation.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Automation.Functions;

/// <summary><c>GET /automation/schema</c>: the JSON Schema of the current envelope version (public, like glance's schemas).</summary>
public sealed class ShowAutomationSchema
{
    [Function(nameof(ShowAutomationSchema))]
    public IResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = AutomationRoutes.Schema)] HttpRequest req) =>
        Results.Text(AutomationSchema.V1, AutomationSchema.MediaType);
}
