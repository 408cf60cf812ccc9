using FuncCloud.Durable;
using FuncCloud.Functions;
using FuncCloud.LocalHost.Hosting;

// Local / self-hosted entry point: the same function classes the FunctionApp deploys to Azure.
var builder = LocalFunctionHost.CreateBuilder(args, [typeof(FunctionsAssembly).Assembly, typeof(DurableAssembly).Assembly]);
builder.Services.AddFuncCloudFunctions(builder.Configuration);
builder.Services.AddFuncCloudDurable(builder.Configuration);
var app = builder.Build();
app.MapLocalFunctions();
await app.RunAsync();
