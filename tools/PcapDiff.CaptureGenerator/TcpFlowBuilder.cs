namespace PcapDiff.CaptureGenerator;

/// <summary>
/// Lays out a TCP connection's packets as a capture point beside the clients sees them: the
/// client's packets when it sends them, the server's when they arrive. Sequence and acknowledgment
/// numbers follow the bytes; the sender grows its window in slow start; the receiver ACKs every
/// second segment and delays the ACK of a lone last one; a lost segment brings duplicate ACKs and a
/// fast retransmission (or a retransmission on timeout when too few segments follow it).
/// </summary>
internal sealed class TcpFlowBuilder
{
    private const long DelayedAck = 40_000;
    private const long Turnaround = 30;
    private const long MinRto = 200_000;
    private const int InitialWindow = 10;
    private const int MaxFlight = 256;
    private const ushort SynWindow = 64240;
    private const ushort SynAckWindow = 65160;
    private const ushort ClientWindow = 502;
    private const ushort ServerWindow = 509;

    private readonly SimFlow _flow;
    private readonly TcpPlan _plan;
    private readonly Rng _rng;
    private uint _clientNext;
    private uint _serverNext;

    private TcpFlowBuilder(SimFlow flow, TcpPlan plan, Rng rng)
    {
        _flow = flow;
        _plan = plan;
        _rng = rng;
    }

    /// <summary>Adds the connection's packets to <paramref name="flow"/>.</summary>
    public static void Build(SimFlow flow, TcpPlan plan, Rng rng)
    {
        var builder = new TcpFlowBuilder(flow, plan, rng);
        if (plan.Failure == FailureMode.None)
        {
            builder.Connection();
        }
        else
        {
            builder.Failure();
        }
    }

    private void Connection()
    {
        long rtt = _flow.Rtt;
        long t = _plan.Start;
        Syn(t);
        if (_plan.SynRetried)
        {
            t += 1_000_000;
            Syn(t);
        }

        _clientNext = _plan.ClientIsn + 1;
        _serverNext = _plan.ServerIsn + 1;
        Emit(t + rtt, fromClient: false, Tcp.Syn | Tcp.Ack, _plan.ServerIsn, _clientNext, SynAckWindow, Tcp.SynOptions);
        t += rtt + Turnaround;
        Emit(t, fromClient: true, Tcp.Ack, _clientNext, _serverNext, ClientWindow, Tcp.TimestampOptions);

        // The time at which the other side could first answer, at the capture point.
        long ready = t + rtt;
        if (_plan.Greeting is { } greeting)
        {
            long clientThink = _plan.Exchanges.Count > 0 ? _plan.Exchanges[0].ClientThink : _plan.Idle;
            ready = Transfer(ready, fromClient: false, greeting, lossy: false, clientThink);
        }
        else
        {
            ready = t;
        }

        for (int i = 0; i < _plan.Exchanges.Count; i++)
        {
            var exchange = _plan.Exchanges[i];
            var (requestLost, responseLost) = _plan.Losses[i];
            long nextThink = i + 1 < _plan.Exchanges.Count ? _plan.Exchanges[i + 1].ClientThink : _plan.Idle;
            t = ready + exchange.ClientThink;
            ready = exchange.Request is { } request
                ? Transfer(t, fromClient: true, request, requestLost, exchange.Response is null ? nextThink : exchange.ServerThink)
                : t + rtt;
            if (exchange.Response is { } response)
            {
                ready = Transfer(ready + exchange.ServerThink, fromClient: false, response, responseLost, nextThink);
            }
        }

        Close(ready + _plan.Idle);
    }

    private void Close(long t)
    {
        long rtt = _flow.Rtt;
        switch (_plan.Close)
        {
            case CloseKind.ClientFin:
                Emit(t, true, Tcp.Fin | Tcp.Ack, _clientNext, _serverNext, ClientWindow, Tcp.TimestampOptions);
                Emit(t + rtt, false, Tcp.Fin | Tcp.Ack, _serverNext, _clientNext + 1, ServerWindow, Tcp.TimestampOptions);
                Emit(t + rtt + Turnaround, true, Tcp.Ack, _clientNext + 1, _serverNext + 1, ClientWindow, Tcp.TimestampOptions);
                break;
            case CloseKind.ServerFin:
                Emit(t, false, Tcp.Fin | Tcp.Ack, _serverNext, _clientNext, ServerWindow, Tcp.TimestampOptions);
                long clientFin = t + Turnaround;
                if (!_plan.ClientFinWithAck)
                {
                    Emit(clientFin, true, Tcp.Ack, _clientNext, _serverNext + 1, ClientWindow, Tcp.TimestampOptions);
                    clientFin += _rng.Next(200, 5_000);
                }

                Emit(clientFin, true, Tcp.Fin | Tcp.Ack, _clientNext, _serverNext + 1, ClientWindow, Tcp.TimestampOptions);
                Emit(clientFin + rtt, false, Tcp.Ack, _serverNext + 1, _clientNext + 1, ServerWindow, Tcp.TimestampOptions);
                break;
            case CloseKind.ClientRst:
                Emit(t, true, Tcp.Rst | Tcp.Ack, _clientNext, _serverNext, 0, Tcp.NoOptions);
                break;
            default:
                Emit(t, false, Tcp.Rst | Tcp.Ack, _serverNext, _clientNext, 0, Tcp.NoOptions);
                break;
        }
    }

    private void Failure()
    {
        long rtt = _flow.Rtt;
        long t = _plan.Start;
        uint isn = _plan.ClientIsn;
        switch (_plan.Failure)
        {
            case FailureMode.ClientRstAfterSynAck:
                Syn(t);
                Emit(t + rtt, false, Tcp.Syn | Tcp.Ack, _plan.ServerIsn, isn + 1, SynAckWindow, Tcp.SynOptions);
                Emit(t + rtt + Turnaround, true, Tcp.Rst, isn + 1, 0, 0, Tcp.NoOptions);
                break;
            case FailureMode.Refused:
                Syn(t);
                Emit(t + rtt, false, Tcp.Rst | Tcp.Ack, 0, isn + 1, 0, Tcp.NoOptions);
                break;
            default:
                // Linux's SYN backoff: 1, 2, 4 s.
                foreach (long after in new long[] { 0, 1_000_000, 3_000_000, 7_000_000 })
                {
                    Syn(t + after);
                }

                break;
        }
    }

    private void Syn(long t) =>
        Emit(t, true, Tcp.Syn, _plan.ClientIsn, 0, SynWindow, Tcp.SynOptions);

    /// <summary>
    /// Sends <paramref name="message"/> from one side, with the receiver's ACKs. Returns the time at
    /// the capture point at which the receiver's answer could first appear there.
    /// </summary>
    /// <param name="start">When the first segment passes the capture point.</param>
    /// <param name="fromClient">Which side sends.</param>
    /// <param name="message">What it sends.</param>
    /// <param name="lossy">Whether one segment of the last flight is lost.</param>
    /// <param name="receiverThink">How long the receiver waits before it sends data: a shorter wait carries the last ACK.</param>
    private long Transfer(long start, bool fromClient, Message message, bool lossy, long receiverThink)
    {
        long length = message.Length;
        int index = _flow.AddMessage(message);
        int segments = (int)((length + Tcp.Mss - 1) / Tcp.Mss);
        uint first = fromClient ? _clientNext : _serverNext;
        uint peerNext = fromClient ? _serverNext : _clientNext;
        long gap = fromClient ? _plan.UpGap : _plan.DownGap;

        // The client is beside the capture point; the server is a round trip away.
        long ackDelay = fromClient ? _flow.Rtt : Turnaround;
        long clock = fromClient ? Turnaround : _flow.Rtt;
        ushort senderWindow = fromClient ? ClientWindow : ServerWindow;
        ushort receiverWindow = fromClient ? ServerWindow : ClientWindow;

        int lastFlightStart = 0;
        for (int sent = 0, flight = InitialWindow; sent < segments; flight = Math.Min(flight * 2, MaxFlight))
        {
            lastFlightStart = sent;
            sent += flight;
        }

        int lost = lossy && segments > 1 ? lastFlightStart + _rng.Next(segments - lastFlightStart) : -1;
        long lostTime = 0;
        long thirdDuplicate = 0;
        int duplicates = 0;
        long lastSegment = start;
        long flightStart = start;
        int i = 0;
        for (int flight = InitialWindow; i < segments; flight = Math.Min(flight * 2, MaxFlight))
        {
            int count = Math.Min(flight, segments - i);
            long firstAck = long.MaxValue;
            bool lastFlight = i + count == segments;
            for (int j = 0; j < count; j++, i++)
            {
                long ts = flightStart + (j * gap);
                long offset = (long)i * Tcp.Mss;
                int size = (int)Math.Min(Tcp.Mss, length - offset);
                uint sequence = first + (uint)offset;
                bool last = i == segments - 1;
                byte flags = (byte)(Tcp.Ack | (last ? Tcp.Psh : 0));
                lastSegment = ts;
                if (i == lost)
                {
                    lostTime = ts;
                    if (fromClient)
                    {
                        // Lost beyond the capture point: seen here, never acknowledged.
                        Data(ts, fromClient, flags, sequence, peerNext, senderWindow, index, offset, size);
                    }

                    continue;
                }

                Data(ts, fromClient, flags, sequence, peerNext, senderWindow, index, offset, size);
                uint end = sequence + (uint)size;
                if (lost >= 0 && i > lost)
                {
                    // Out of order at the receiver: an immediate duplicate ACK of the hole.
                    Emit(ts + ackDelay, !fromClient, Tcp.Ack, peerNext, first + (uint)((long)lost * Tcp.Mss), receiverWindow, Tcp.TimestampOptions);
                    if (++duplicates == 3)
                    {
                        thirdDuplicate = ts + ackDelay;
                    }
                }
                else if (lost < 0 || i < lost)
                {
                    bool second = j % 2 == 1;
                    if (second || (j == count - 1 && !lastFlight))
                    {
                        Emit(ts + ackDelay, !fromClient, Tcp.Ack, peerNext, end, receiverWindow, Tcp.TimestampOptions);
                        firstAck = Math.Min(firstAck, ts + ackDelay);
                    }
                    else if (last && receiverThink > DelayedAck)
                    {
                        Emit(ts + ackDelay + DelayedAck, !fromClient, Tcp.Ack, peerNext, end, receiverWindow, Tcp.TimestampOptions);
                    }
                }
            }

            if (i < segments)
            {
                flightStart = Math.Max(firstAck + clock, flightStart + (count * gap));
            }
        }

        long delivered = lastSegment;
        if (lost >= 0)
        {
            long offset = (long)lost * Tcp.Mss;
            int size = (int)Math.Min(Tcp.Mss, length - offset);
            // A fast retransmission queues behind the rest of the flight at the bottleneck.
            long retransmit = duplicates >= 3
                ? Math.Max(thirdDuplicate + clock, lastSegment + gap)
                : Math.Max(lostTime + MinRto + _flow.Rtt, lastSegment + gap);
            byte flags = (byte)(Tcp.Ack | (lost == segments - 1 ? Tcp.Psh : 0));
            Data(retransmit, fromClient, flags, first + (uint)offset, peerNext, senderWindow, index, offset, size);
            Emit(retransmit + ackDelay, !fromClient, Tcp.Ack, peerNext, first + (uint)length, receiverWindow, Tcp.TimestampOptions);
            delivered = retransmit;
        }

        if (fromClient)
        {
            _clientNext += (uint)length;
        }
        else
        {
            _serverNext += (uint)length;
        }

        return fromClient ? delivered + _flow.Rtt : delivered;
    }

    private void Data(long time, bool fromClient, byte flags, uint sequence, uint acknowledgment, ushort window, int message, long offset, int size) =>
        _flow.Add(Segment(time, fromClient, flags, sequence, acknowledgment, window, Tcp.TimestampOptions) with
        {
            Message = message,
            Offset = (int)offset,
            Length = size,
        });

    private void Emit(long time, bool fromClient, byte flags, uint sequence, uint acknowledgment, ushort window, byte options) =>
        _flow.Add(Segment(time, fromClient, flags, sequence, acknowledgment, window, options));

    private static SimPacket Segment(long time, bool fromClient, byte flags, uint sequence, uint acknowledgment, ushort window, byte options) => new()
    {
        Time = time,
        Kind = PacketKind.Tcp,
        FromClient = fromClient,
        Flags = flags,
        Sequence = sequence,
        Acknowledgment = acknowledgment,
        Window = window,
        Options = options,
        Message = -1,
    };
}
