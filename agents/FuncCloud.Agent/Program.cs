using FuncCloud.Agent.Hosting;

// The node agent: pulls commands from agent-<node>, drives the node's hypervisor, reports results, power
// states and heartbeats. Configuration: FuncCloud:Agent (see AgentOptions), AzureWebJobsStorage.
var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddFuncCloudAgent(builder.Configuration);
await builder.Build().RunAsync();
