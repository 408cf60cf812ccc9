using System.Net;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using FuncCloud.Shared.Storage;
using FuncCloud.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FuncCloud.Functions.Tests.Hardening;

/// <summary>How the storage account fails while <see cref="StorageOutageHostFixture.Outage"/> is set.</summary>
public enum StorageOutage
{
    /// <summary>Storage works.</summary>
    None,

    /// <summary>Every storage call answers 503 Server Busy (the account or the emulator is overloaded).</summary>
    ServerBusy,

    /// <summary>Every storage call loses its connection (what a reset socket looks like to the SDK).</summary>
    ConnectionReset,
}

/// <summary>
/// A bootstrapped LocalHost whose API storage clients (tables, blobs, queues) go through a switch that makes
/// every call fail: the services must then answer their own 503, never a 500. The clients keep one quick retry,
/// so the failure that escapes is what Azure.Core throws once its retries are spent.
/// </summary>
public sealed class StorageOutageHostFixture : IdentityHostFixture
{
    /// <summary>The current outage; set by a test, reset after it.</summary>
    public StorageOutage Outage { get; set; }

    /// <inheritdoc />
    protected override void ConfigureServices(WebApplicationBuilder builder)
    {
        base.ConfigureServices(builder);

        // Registered after AddFuncCloudStorage's clients, so these are the ones resolved.
        builder.Services.AddSingleton(sp => new TableServiceClient(ConnectionStringOf(sp), Faulty(new TableClientOptions())));
        builder.Services.AddSingleton(sp => new BlobServiceClient(ConnectionStringOf(sp), Faulty(new BlobClientOptions())));
        builder.Services.AddSingleton(sp => new QueueServiceClient(ConnectionStringOf(sp), Faulty(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 })));
    }

    private static string ConnectionStringOf(IServiceProvider services) => services.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString;

    private T Faulty<T>(T options)
        where T : Azure.Core.ClientOptions
    {
        options.Retry.MaxRetries = 1;
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        options.Transport = new HttpClientTransport(new HttpClient(new OutageHandler(this) { InnerHandler = new SocketsHttpHandler() }));
        return options;
    }

    private sealed class OutageHandler(StorageOutageHostFixture fixture) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => fixture.Outage switch
        {
            StorageOutage.ServerBusy => Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
            {
                ReasonPhrase = "Server Busy",
                RequestMessage = request,
                Content = new StringContent(string.Empty),
            }),
            StorageOutage.ConnectionReset => throw new HttpRequestException(
                "An error occurred while sending the request.", new IOException("Connection reset by peer")),
            _ => base.SendAsync(request, cancellationToken),
        };
    }
}
