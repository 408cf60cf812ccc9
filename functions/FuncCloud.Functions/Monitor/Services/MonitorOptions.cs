namespace FuncCloud.Functions.Monitor.Services;

/// <summary>Monitor settings, bound from <c>FuncCloud:Monitor</c>.</summary>
public sealed class MonitorOptions
{
    public const string SectionName = "FuncCloud:Monitor";

    /// <summary>Payloads longer than this (characters) are cut in views; the whole one is a link away.</summary>
    public int InlinePayloadChars { get; set; } = 2048;

    /// <summary>The most instances a sorted list or the statistics read (newest matching ones win).</summary>
    public int ScanLimit { get; set; } = 20_000;

    /// <summary>The largest page a list may ask for.</summary>
    public int MaxPageSize { get; set; } = 500;
}
