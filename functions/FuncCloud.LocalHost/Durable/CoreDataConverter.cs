using Microsoft.DurableTask;
using CoreJsonDataConverter = DurableTask.Core.Serializing.JsonDataConverter;

namespace FuncCloud.LocalHost.Durable;

/// <summary>
/// Lets DTFx's <c>TaskHubClient</c> serialize event payloads and inputs with the same System.Text.Json
/// <see cref="DataConverter"/> the orchestrations read them with (DTFx would otherwise use Newtonsoft).
/// </summary>
internal sealed class CoreDataConverter(DataConverter inner) : CoreJsonDataConverter
{
    public override string Serialize(object value) => inner.Serialize(value);

    public override string Serialize(object value, bool formatted) => inner.Serialize(value);

    public override object Deserialize(string data, Type objectType) => inner.Deserialize(data, objectType)!;
}
