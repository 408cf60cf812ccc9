using FuncCloud.Agent.Hosting;

// The node agent: pulls commands from agent-<node>, drives the node's hypervisor, reports results, power
// states and heartbeats. Configuration: FuncCloud:Agent (see AgentOptions), AzureWebJobsStorage.
// Content root = the binaries' folder, so appsettings.json is found wherever the agent is started from.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Services.AddFuncCloudAgent(builder.Configuration);
await builder.Build().RunAsync();
