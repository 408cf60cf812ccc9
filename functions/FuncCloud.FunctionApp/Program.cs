using FuncCloud.Durable;
using FuncCloud.Functions;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

// Azure entry point. The same function classes run locally under FuncCloud.LocalHost.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddFuncCloudFunctions(builder.Configuration);
builder.Services.AddFuncCloudDurable(builder.Configuration);
builder.Build().Run();
