namespace PcapDiff.Core.Model;

/// <summary>What a TLS event names.</summary>
internal enum TlsMessageType
{
    /// <summary>A ClientHello.</summary>
    ClientHello,

    /// <summary>A ServerHello.</summary>
    ServerHello,

    /// <summary>A HelloRetryRequest (TLS 1.3).</summary>
    HelloRetryRequest,

    /// <summary>Another handshake message seen in the clear (Certificate, ServerKeyExchange, …).</summary>
    Handshake,

    /// <summary>A ChangeCipherSpec record.</summary>
    ChangeCipherSpec,

    /// <summary>TLS 1.2 and earlier: the first handshake record after ChangeCipherSpec, the encrypted Finished.</summary>
    EncryptedFinished,

    /// <summary>An alert seen in the clear.</summary>
    Alert,

    /// <summary>An alert record after ChangeCipherSpec: encrypted.</summary>
    EncryptedAlert,

    /// <summary>An alert record of a length no alert has.</summary>
    MalformedAlert,
}
