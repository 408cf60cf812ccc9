using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using FromBodyAttribute = Microsoft.Azure.Functions.Worker.Http.FromBodyAttribute;

namespace FuncCloud.LocalHost.Tests.TestFunctions;

/// <summary>HTTP functions written the way FuncCloud's API functions are, to pin the trigger semantics.</summary>
public sealed class HttpFunctions(EchoCounter counter)
{
    [Function(nameof(GetItem))]
    public IActionResult GetItem([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "items/{id:int}")] HttpRequest req, int id, string? label) =>
        new OkObjectResult(new ItemResponse(id, label ?? "none", req.Headers["X-Test"].ToString()));

    [Function(nameof(CreateItem))]
    public IResult CreateItem([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "items")] HttpRequest req, [FromBody] CreateItemRequest body)
    {
        counter.Increment();
        return Results.Created($"/items/{body.Id}", new ItemResponse(body.Id, body.Label, "created"));
    }

    [Function(nameof(DeleteItem))]
    public static async Task<IActionResult> DeleteItem([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "items/{id}")] HttpRequest req, string id, CancellationToken cancellationToken)
    {
        await Task.Delay(1, cancellationToken);
        return id == "missing" ? new NotFoundObjectResult(new { error = $"item {id} not found" }) : new NoContentResult();
    }

    [Function(nameof(Secret))]
    public static string Secret([HttpTrigger(AuthorizationLevel.Function, "get", Route = "secret")] HttpRequest req) => "the secret";

    [Function(nameof(AdminOnly))]
    public static string AdminOnly([HttpTrigger(AuthorizationLevel.Admin, "get", Route = "admin-only")] HttpRequest req) => "admin";

    [Function(nameof(Throws))]
    public static IActionResult Throws([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "throws")] HttpRequest req) =>
        throw new InvalidOperationException("boom");

    [Function(nameof(DefaultRoute))]
    public static async Task<string> DefaultRoute([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequest req, FunctionContext context)
    {
        await Task.Yield();
        return $"{context.FunctionDefinition.Name}:{context.InvocationId.Length > 0}";
    }

    [Function(nameof(Counter))]
    public IActionResult Counter([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "counter")] HttpRequest req) => new OkObjectResult(counter.Count);
}

public sealed record CreateItemRequest(int Id, string Label);

public sealed record ItemResponse(int Id, string Label, string Note);

/// <summary>A singleton service injected into function classes through their constructor.</summary>
public sealed class EchoCounter
{
    private int _count;

    public int Count => _count;

    public void Increment() => Interlocked.Increment(ref _count);
}
