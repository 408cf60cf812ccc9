using FuncCloud.Functions.Automation.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Automation.Functions;

/// <summary><c>GET /automation/schema/v1</c>: version 1 of the envelope's JSON Schema (stays as it is when a version 2 appears).</summary>
public sealed class ShowAutomationSchemaV1
{
    [Function(nameof(ShowAutomationSchemaV1))]
    public IResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = AutomationRoutes.SchemaV1)] HttpRequest req) =>
        Results.Text(AutomationSchema.V1, AutomationSchema.MediaType);
}
