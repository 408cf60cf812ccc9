using System.ComponentModel;
using System.Globalization;
using System.Text.Json;

namespace FuncCloud.LocalHost.Invocation;

/// <summary>Converts binding data (route values, query strings, message metadata) to parameter types.</summary>
public static class BindingValueConverter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Converts <paramref name="value"/> to <paramref name="type"/>.</summary>
    /// <exception cref="FormatException">The value does not convert.</exception>
    public static object? Convert(object value, Type type)
    {
        if (type.IsInstanceOfType(value))
        {
            return value;
        }

        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (value is string text)
        {
            if (target == typeof(Guid))
            {
                return Guid.Parse(text);
            }

            var converter = TypeDescriptor.GetConverter(target);
            if (converter.CanConvertFrom(typeof(string)))
            {
                return converter.ConvertFromInvariantString(text);
            }

            return JsonSerializer.Deserialize(text, type, Json);
        }

        if (value is IConvertible && typeof(IConvertible).IsAssignableFrom(target))
        {
            return System.Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
        }

        return JsonSerializer.Deserialize(JsonSerializer.Serialize(value, Json), type, Json);
    }
}
