using PcapDiff.Core.Model;
using PcapDiff.Core.Protocols;

namespace PcapDiff.Core.Normalization.Tcp;

/// <summary>
/// The application decoder of one TCP connection, fed each side's new bytes in stream order; the
/// messages it finds become events just before the data event that carried them. A side whose bytes
/// go missing (a gap, a snaplen cut, a capture that began mid-stream) stops.
/// </summary>
internal sealed class AppStream
{
    private readonly AppDecoder _decoder;
    private readonly long[] _offset = new long[2];
    private readonly bool[] _stopped = new bool[2];
    private readonly List<AppMessage> _found = [];
    private readonly List<TlsRecord> _records = [];

    private AppStream(AppDecoder decoder)
    {
        _decoder = decoder;
        decoder.Records = _records;
    }

    public bool PayloadIsOpaque => _decoder.PayloadIsOpaque;

    /// <summary>
    /// Looks for an application protocol in the connection's first payload when it starts its side's
    /// stream: right after the SYN, or, in a capture that began mid-connection, where the capture
    /// began; there only content that is clearly the protocol counts, never the port alone. Null
    /// when no protocol fits.
    /// </summary>
    public static AppStream? Open(Direction direction, in TcpSide sender, uint sequence, ReadOnlySpan<byte> payload, ushort serverPort)
    {
        bool afterSyn = sender.SynSeen && sequence == sender.InitialSequence + 1;
        bool captureStart = !sender.SynSeen && sender.StreamSeenFrom == sequence;
        return (afterSyn || captureStart) && AppDetector.Detect(direction, payload, afterSyn ? serverPort : (ushort)0) is { } decoder
            ? new AppStream(decoder)
            : null;
    }

    /// <summary>
    /// Feeds a segment's new bytes, which start <paramref name="newFrom"/> bytes into its payload
    /// (-1 when bytes are missing before them), to the decoder. The messages found go into
    /// <paramref name="events"/> just before <paramref name="data"/>, and the records that start in
    /// the bytes onto it.
    /// </summary>
    public void Feed(EventSequence events, EventDraft? data, in PacketRecord packet, Direction direction, bool streamStartKnown, int newFrom, ReadOnlySpan<byte> payload)
    {
        if (newFrom < 0 || !streamStartKnown)
        {
            // Bytes are missing before this segment, or where the side's stream starts is unknown.
            Stop(direction);
            return;
        }

        var captured = newFrom < payload.Length ? payload[newFrom..] : [];
        Decode(direction, captured, packet.PayloadLength - newFrom);
        if (data is null)
        {
            return;
        }

        foreach (var message in _found)
        {
            events.AddMessage(data, KindOf(message.Detail), packet, message.Detail);
        }

        foreach (var record in _records)
        {
            data.AddRecord(record);
        }
    }

    /// <summary>
    /// Decodes the side's next <paramref name="length"/> new bytes on the wire, of which
    /// <paramref name="captured"/> were captured, into the messages and records found.
    /// </summary>
    private void Decode(Direction direction, ReadOnlySpan<byte> captured, int length)
    {
        _found.Clear();
        _records.Clear();
        int side = (int)direction;
        if (_stopped[side])
        {
            return;
        }

        if (!captured.IsEmpty)
        {
            _decoder.Feed(direction, _offset[side], captured, _found);
            _offset[side] += captured.Length;
        }

        if (captured.Length < length)
        {
            Stop(direction);
        }
    }

    /// <summary>
    /// The kind of a message's event: that of its protocol, which inside a decrypted TLS connection
    /// is the protocol it carries (an HTTP response, an MQTT CONNACK), not TLS.
    /// </summary>
    private EventKind KindOf(EventDetail detail) => detail switch
    {
        TlsDetail => EventKind.Tls,
        HttpRequestDetail or HttpResponseDetail => EventKind.Http,
        MqttDetail => EventKind.Mqtt,
        _ => _decoder.Kind,
    };

    /// <summary>The side's bytes are missing from here on.</summary>
    private void Stop(Direction direction)
    {
        int side = (int)direction;
        if (!_stopped[side])
        {
            _stopped[side] = true;
            _decoder.Gap(direction);
        }
    }
}
