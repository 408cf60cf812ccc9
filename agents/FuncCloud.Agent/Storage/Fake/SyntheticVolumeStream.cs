using System.Text;

namespace FuncCloud.Agent.Storage.Fake;

/// <summary>
/// The Fake driver's volume bytes, generated as they are read (nothing held): a first 4 KiB block repeating
/// <c>funccloud fake volume {id}</c>, zeros for the rest of <c>length</c>.
/// </summary>
public sealed class SyntheticVolumeStream(string id, long length) : Stream
{
    private const int HeaderLength = 4096;
    private readonly byte[] _header = Header(id);
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var count = (int)Math.Min(buffer.Length, length - _position);
        if (count <= 0)
        {
            return 0;
        }

        var target = buffer[..count];
        target.Clear();
        if (_position < HeaderLength)
        {
            var header = _header.AsSpan((int)_position, (int)Math.Min(HeaderLength - _position, count));
            header.CopyTo(target);
        }

        _position += count;
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private static byte[] Header(string id)
    {
        var line = Encoding.ASCII.GetBytes($"funccloud fake volume {id}\n");
        var header = new byte[HeaderLength];
        for (var i = 0; i < HeaderLength; i += line.Length)
        {
            line.AsSpan(0, Math.Min(line.Length, HeaderLength - i)).CopyTo(header.AsSpan(i));
        }

        return header;
    }
}

/// <summary>A seekable stream of a fixed length that drops what is written (the Fake driver's restore target).</summary>
public sealed class DiscardingStream(long length) : Stream
{
    private long _position;

    /// <summary>The bytes written.</summary>
    public long Written { get; private set; }

    public override bool CanRead => false;

    public override bool CanSeek => true;

    public override bool CanWrite => true;

    public override long Length => length;

    public override long Position { get => _position; set => _position = value; }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => _position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        _ => length + offset,
    };

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_position + buffer.Length > length)
        {
            throw new VolumeDriverException($"A restore wrote past the end of the volume ({_position + buffer.Length} > {length} bytes).");
        }

        _position += buffer.Length;
        Written += buffer.Length;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }
}
