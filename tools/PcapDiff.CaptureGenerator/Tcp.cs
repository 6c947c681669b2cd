namespace PcapDiff.CaptureGenerator;

/// <summary>TCP flag bits and the option layouts the generator writes.</summary>
internal static class Tcp
{
    public const byte Fin = 0x01;
    public const byte Syn = 0x02;
    public const byte Rst = 0x04;
    public const byte Psh = 0x08;
    public const byte Ack = 0x10;

    /// <summary>Segment size with the timestamp option (1460 - 12), as Linux sends on Ethernet.</summary>
    public const int Mss = 1448;

    /// <summary>No options (RST without ACK, as a kernel answers an unknown SYN-ACK).</summary>
    public const byte NoOptions = 0;

    /// <summary>MSS, SACK permitted, timestamps, window scale: 20 bytes, as on a Linux SYN.</summary>
    public const byte SynOptions = 1;

    /// <summary>NOP, NOP, timestamps: 12 bytes, on every later segment.</summary>
    public const byte TimestampOptions = 2;
}
