using Microsoft.Extensions.Options;

namespace FuncCloud.Agent.Hosting;

/// <summary>Fails the start when <see cref="AgentOptions"/> cannot work, naming every problem.</summary>
internal sealed class AgentOptionsValidator : IValidateOptions<AgentOptions>
{
    public ValidateOptionsResult Validate(string? name, AgentOptions options)
    {
        var problems = options.Validate().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
