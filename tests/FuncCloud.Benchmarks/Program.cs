using FuncCloud.Benchmarks;

// dotnet run -c Release --project tests/FuncCloud.Benchmarks -- identity [--url http://127.0.0.1:7071] [--password P]
//   [--user admin] [--project admin] [--requests 500] [--seconds 10]
// Without --url it starts its own Azurite + LocalHost (bootstrapped, BCrypt cost 4 unless --cost).
return await BenchmarkCommand.RunAsync(args);
