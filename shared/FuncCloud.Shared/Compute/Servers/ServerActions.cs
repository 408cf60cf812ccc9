namespace FuncCloud.Shared.Compute.Servers;

/// <summary>
/// The names of server operations: the keys of <see cref="ServerTransitions"/>, the <c>action</c> of
/// instance actions (nova's <c>InstanceActionEvent</c> names), and part of durable instance ids.
/// </summary>
public static class ServerActions
{
    public const string Create = "create";
    public const string Delete = "delete";
    public const string Reboot = "reboot";
    public const string RebootHard = "reboot_hard";
    public const string Stop = "stop";
    public const string Start = "start";
    public const string Pause = "pause";
    public const string Unpause = "unpause";
    public const string Suspend = "suspend";
    public const string Resume = "resume";
    public const string Rebuild = "rebuild";
    public const string Resize = "resize";
    public const string ConfirmResize = "confirmResize";
    public const string RevertResize = "revertResize";
    public const string CreateImage = "createImage";
    public const string Lock = "lock";
    public const string Unlock = "unlock";
    public const string Update = "update";
    public const string ConsoleOutput = "get_console_output";
}
