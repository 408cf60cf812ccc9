using FuncCloud.Shared.Storage;

// The node agent host. Its command pump, drivers and heartbeat arrive with the compute issue; today it
// only binds its storage configuration and runs until stopped.
var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddFuncCloudStorage(builder.Configuration);
await builder.Build().RunAsync();
