using System.Net;
using System.Net.Sockets;

namespace FuncCloud.Testing;

/// <summary>Free TCP ports on loopback.</summary>
public static class FreePorts
{
    /// <summary>Asks the kernel for a port nobody listens on (it may be taken again later: use soon).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
