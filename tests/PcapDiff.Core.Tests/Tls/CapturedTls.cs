namespace PcapDiff.Core.Tests.Tls;

/// <summary>
/// Records of real TLS connections with their key logs, to check decryption against Wireshark's.
/// <para>
/// Two connections are the repository's captures (testdata/README.md says how they were made). The
/// others were made for these tests on loopback, each as one connection of OpenSSL 3.0.22 with a
/// self-signed RSA certificate: <c>openssl s_server -accept 127.0.0.1:PORT -cert cert.pem -key key.pem
/// -naccept 1 [-www] -tls1_3 -ciphersuites SUITE</c> (or <c>-tls1_2 -cipher SUITE</c>) and
/// <c>openssl s_client -connect 127.0.0.1:PORT -keylogfile NAME.keys</c> with the same version and
/// suite, captured by <c>tcpdump -i lo -w NAME.pcap</c>. The client wrote <c>GET / HTTP/1.0</c> to a
/// <c>-www</c> server; in tls13-chacha-keyupdate it wrote "hello before update", then the s_client
/// command <c>k</c> (send a KeyUpdate), then "hello after update".
/// </para>
/// <para>
/// Extraction: the record bytes are those of each direction's TCP payload joined in sequence order
/// and cut at the record headers, frame numbers as tshark counts them. The plaintexts and the
/// content types are tshark 4.0.17's: <c>tshark -r NAME.pcap -o tls.keylog_file:NAME.keys -x -Y
/// frame.number==N</c>, the "Decrypted TLS" buffer of the record, and <c>-T fields -e
/// tls.record.content_type</c>. The randoms are the hello messages' (<c>-e tls.handshake.random</c>),
/// the suite the ServerHello's (<c>-e tls.handshake.ciphersuite</c>).
/// </para>
/// </summary>
internal static class CapturedTls
{
    /// <summary>From testdata/captures/tls13-good-1.pcap and .keys (curl and openssl s_server, TLS_AES_256_GCM_SHA384).</summary>
    public static class Tls13Good1
    {
        /// <summary>The cipher suite of the ServerHello.</summary>
        public const ushort Suite = 0x1302;

        /// <summary>The capture's key log file, tls13-good-1.keys, as written.</summary>
        public const string KeyLog = """
            SERVER_HANDSHAKE_TRAFFIC_SECRET e9133fcc8be7e083635b618dd2b867f620cd258c95f28c84a455795fdd77a80e 7ae954ce326371153ca75cf7cb60d599d3e6f9bd18221545430e0894a9b01628d77a8ac729a5347e135c6e931c24689f
            EXPORTER_SECRET e9133fcc8be7e083635b618dd2b867f620cd258c95f28c84a455795fdd77a80e 3c5225c70488b0ada6e3a8e818a805ce451b4b331d2b2c65df85083f3ca3ff01245d6f66d4880426b9e2ac8314a51a35
            SERVER_TRAFFIC_SECRET_0 e9133fcc8be7e083635b618dd2b867f620cd258c95f28c84a455795fdd77a80e 420a8f65fa65877b3f01252067a00852cbb1253b0bb9290792519823a77d7d96b165bc8014c8c629b311bcde95fbf843
            CLIENT_HANDSHAKE_TRAFFIC_SECRET e9133fcc8be7e083635b618dd2b867f620cd258c95f28c84a455795fdd77a80e a3a0dcc7a891d0c4671da470094adbdb0e25fcaee1bea8baf973d8d7dce911580b6dd2c28832474160aa8d8f5cf49b8d
            CLIENT_TRAFFIC_SECRET_0 e9133fcc8be7e083635b618dd2b867f620cd258c95f28c84a455795fdd77a80e e4d23d36f376bda578663213221e91e1b5408e9c270ed99927a851fb5d6815efd5c314b984ef118c0d8ab5dc9e93ec49
            """;

        /// <summary>The ClientHello random.</summary>
        public static readonly byte[] ClientRandom = Hex.Parse("""
            e9 13 3f cc 8b e7 e0 83 63 5b 61 8d d2 b8 67 f6
            20 cd 25 8c 95 f2 8c 84 a4 55 79 5f dd 77 a8 0e
            """);

        /// <summary>The ServerHello random.</summary>
        public static readonly byte[] ServerRandom = Hex.Parse("""
            e9 94 eb a8 bf 94 b5 a8 36 d7 25 5d ab 1d 32 cd
            86 31 14 8a 32 f9 b2 0c 0f e7 28 40 19 65 af 74
            """);

        /// <summary>The server's first protected record, under its handshake traffic secret, sequence 0. Frame 8.</summary>
        public static readonly CapturedRecord ServerEncryptedExtensions = new(
            8,
            Hex.Parse("""
                17 03 03 00 17 20 78 25 23 51 63 b3 ab 3a 27 66
                8a 62 09 a1 33 a9 9b 76 03 4d c5 2b
                """),
            Hex.Parse("""
                08 00 00 02 00 00
                """),
            22);

        /// <summary>The client's Finished, under its handshake traffic secret, sequence 0. Frame 10.</summary>
        public static readonly CapturedRecord ClientFinished = new(
            10,
            Hex.Parse("""
                17 03 03 00 45 4e 92 e9 c8 7f a4 2a 2c 38 13 ed
                f8 1c b2 fd d0 8e a7 09 be c4 e1 44 0e c5 45 98
                8c ce eb 81 af d7 9f 13 8f 24 7e 1b d9 c8 46 7e
                e2 24 ae 11 49 13 f3 a8 6b 00 05 80 ff 16 dd b2
                d2 38 25 14 2d 9f 0c 83 7e 5c
                """),
            Hex.Parse("""
                14 00 00 30 a4 66 89 12 a4 21 cf 94 5c b4 9a 63
                f8 5f 42 32 e2 36 67 c0 bd 21 62 ac 81 d7 b2 bf
                73 e8 14 30 fa 6c f3 5d 3f f0 7f 2a 23 97 2a eb
                7c fe d7 c1
                """),
            22);

        /// <summary>The client's GET, under CLIENT_TRAFFIC_SECRET_0, sequence 0. Frame 11.</summary>
        public static readonly CapturedRecord ClientGet = new(
            11,
            Hex.Parse("""
                17 03 03 00 64 d6 05 50 be d9 6d e0 22 c6 99 ce
                f4 5a 32 5e 44 dc f0 e4 80 31 f2 38 3d be 42 3f
                2a 27 66 fe f5 27 22 4c cf db 7f 53 87 e0 2d 27
                52 9f ad 16 eb 44 1a 60 b0 68 14 8e 7d 3e 37 0a
                26 8d 87 c8 c3 19 ca de 5b 50 ab 23 e8 5d 29 21
                58 a2 5b 35 87 0c c2 86 68 40 3a 92 d2 a3 63 49
                d9 1c 90 b4 b1 f4 31 96 1a
                """),
            Hex.Parse("""
                47 45 54 20 2f 20 48 54 54 50 2f 31 2e 31 0d 0a
                48 6f 73 74 3a 20 63 6f 6c 6c 65 63 74 6f 72 2e
                74 65 73 74 3a 38 34 34 33 0d 0a 55 73 65 72 2d
                41 67 65 6e 74 3a 20 63 75 72 6c 2f 37 2e 38 38
                2e 31 0d 0a 41 63 63 65 70 74 3a 20 2a 2f 2a 0d
                0a 0d 0a
                """),
            23);

        /// <summary>The client's close_notify alert, under CLIENT_TRAFFIC_SECRET_0, sequence 1. Frame 16.</summary>
        public static readonly CapturedRecord ClientCloseNotify = new(
            16,
            Hex.Parse("""
                17 03 03 00 13 32 34 58 47 45 91 8e 02 af 9d 39
                45 f0 08 cb 6c cc 5d 01
                """),
            Hex.Parse("""
                01 00
                """),
            21);
    }

    /// <summary>From testdata/captures/tls12-clientcert-good.pcap and .keys (curl and openssl s_server, TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384).</summary>
    public static class Tls12ClientCertGood
    {
        /// <summary>The cipher suite of the ServerHello.</summary>
        public const ushort Suite = 0xC030;

        /// <summary>The capture's key log file, tls12-clientcert-good.keys, as written.</summary>
        public const string KeyLog = """
            CLIENT_RANDOM 26547679c7876419de24043e07477ad20f02454dc4696f5747e02ac91d8cd398 827601c2a65d5ce6ef71806d15329fbd2c68b06b595ae62c1d40b838d7ffc5363cf312f8c99b49cf1ebbf933fd027895
            """;

        /// <summary>The ClientHello random.</summary>
        public static readonly byte[] ClientRandom = Hex.Parse("""
            26 54 76 79 c7 87 64 19 de 24 04 3e 07 47 7a d2
            0f 02 45 4d c4 69 6f 57 47 e0 2a c9 1d 8c d3 98
            """);

        /// <summary>The ServerHello random.</summary>
        public static readonly byte[] ServerRandom = Hex.Parse("""
            c8 82 5e 8d ef 09 55 3a 9e 21 47 27 11 3b 2f 96
            a2 97 2b bc 30 c3 80 6a 2b 54 0a 81 5a 49 ec 42
            """);

        /// <summary>The client's Finished, its first protected record: sequence 0. Frame 10.</summary>
        public static readonly CapturedRecord ClientFinished = new(
            10,
            Hex.Parse("""
                16 03 03 00 28 8a 74 9b 4b 8d 07 1d 5f 3d 60 21
                c2 30 7a 5f b8 b6 5f d4 79 21 fe 43 55 20 b3 5e
                0f e0 0c cf 31 69 e7 41 61 6f a5 97 23
                """),
            Hex.Parse("""
                14 00 00 0c 34 3f dd fb fc 57 12 22 eb 1f 1a 8f
                """),
            22);

        /// <summary>The client's GET: sequence 1. Frame 12.</summary>
        public static readonly CapturedRecord ClientGet = new(
            12,
            Hex.Parse("""
                17 03 03 00 6b 8a 74 9b 4b 8d 07 1d 60 ad 24 e2
                11 ee 73 a5 33 67 30 1a 1d 32 6f 08 26 6c 6b 12
                e7 2c e1 42 61 61 d0 1f 7d e0 05 91 fa a3 c2 fe
                30 2b 93 ec 12 dd e8 ee 5d 18 a1 11 76 40 7a 1e
                3e 52 ac d1 54 25 0a 77 de 38 31 87 39 89 ea 2d
                05 3e 02 0a a8 75 4e 5e cc 49 e5 0b e8 cf b6 69
                92 85 70 80 ea 16 a9 64 20 ff 77 4c b3 1f 48 4d
                """),
            Hex.Parse("""
                47 45 54 20 2f 20 48 54 54 50 2f 31 2e 31 0d 0a
                48 6f 73 74 3a 20 63 6f 6c 6c 65 63 74 6f 72 2e
                74 65 73 74 3a 38 34 34 33 0d 0a 55 73 65 72 2d
                41 67 65 6e 74 3a 20 63 75 72 6c 2f 37 2e 38 38
                2e 31 0d 0a 41 63 63 65 70 74 3a 20 2a 2f 2a 0d
                0a 0d 0a
                """),
            23);

        /// <summary>The server's Finished: sequence 0. Frame 11.</summary>
        public static readonly CapturedRecord ServerFinished = new(
            11,
            Hex.Parse("""
                16 03 03 00 28 50 bd 74 be ff ac c4 bd 7f 5b 24
                e9 2b cf 39 84 d0 21 80 42 04 c4 d2 17 91 17 c2
                e6 5b 91 8b f3 ac a2 28 5d d8 07 7a 9f
                """),
            Hex.Parse("""
                14 00 00 0c 1d 1c 10 73 b9 7f 72 6f 5e 6e 0b f5
                """),
            22);
    }

    /// <summary>From a loopback capture made for these tests (TLS_CHACHA20_POLY1305_SHA256; the client sends a KeyUpdate).</summary>
    public static class Tls13ChaChaKeyUpdate
    {
        /// <summary>The cipher suite of the ServerHello.</summary>
        public const ushort Suite = 0x1303;

        /// <summary>The capture's key log file, tls13-chacha-keyupdate.keys, as written.</summary>
        public const string KeyLog = """
            # SSL/TLS secrets log file, generated by OpenSSL
            SERVER_HANDSHAKE_TRAFFIC_SECRET 0b3661ea59a8c3c9e80f977ab89baa7a2c1dd07b898e5692cf988e9f1f8d1247 e22da0ac5fa3766e5ae68c32214ab8fe2c16b69cfa879d62fc9ecb6a73812e76
            EXPORTER_SECRET 0b3661ea59a8c3c9e80f977ab89baa7a2c1dd07b898e5692cf988e9f1f8d1247 39b5652dba9c7422d7f6017ea35c072af25c5786d793a016924411cf571bebeb
            SERVER_TRAFFIC_SECRET_0 0b3661ea59a8c3c9e80f977ab89baa7a2c1dd07b898e5692cf988e9f1f8d1247 8152ff80948141608f722e5d62793b457fa14ad26a7074f064328ef48962126f
            CLIENT_HANDSHAKE_TRAFFIC_SECRET 0b3661ea59a8c3c9e80f977ab89baa7a2c1dd07b898e5692cf988e9f1f8d1247 d0979dfea772684cb25ea33d6b4bdc3bc3947c4075f771c1a680741c3ef54734
            CLIENT_TRAFFIC_SECRET_0 0b3661ea59a8c3c9e80f977ab89baa7a2c1dd07b898e5692cf988e9f1f8d1247 6360ba1e3f4e25ec06f23d1d246d86e17a98c158cf91db906f659b64236d213a
            CLIENT_TRAFFIC_SECRET_N 0b3661ea59a8c3c9e80f977ab89baa7a2c1dd07b898e5692cf988e9f1f8d1247 7d7498d41c4f8389b0418c5ee0717535e338db460a85d2fb14cedc4cf8defc46
            """;

        /// <summary>The ClientHello random.</summary>
        public static readonly byte[] ClientRandom = Hex.Parse("""
            0b 36 61 ea 59 a8 c3 c9 e8 0f 97 7a b8 9b aa 7a
            2c 1d d0 7b 89 8e 56 92 cf 98 8e 9f 1f 8d 12 47
            """);

        /// <summary>The ServerHello random.</summary>
        public static readonly byte[] ServerRandom = Hex.Parse("""
            c3 bd 8f 0a bc bb 12 16 27 65 d9 49 d7 9b e9 0d
            71 8e 6b b2 e9 25 6c b5 9e b8 84 9d da ab bc d9
            """);

        /// <summary>The server's first protected record, under its handshake traffic secret, sequence 0. Frame 6.</summary>
        public static readonly CapturedRecord ServerEncryptedExtensions = new(
            6,
            Hex.Parse("""
                17 03 03 00 17 23 ca e4 77 01 f0 05 19 29 c1 f1
                53 ab 4c b0 1d 50 7e 76 b6 82 b6 36
                """),
            Hex.Parse("""
                08 00 00 02 00 00
                """),
            22);

        /// <summary>The client's Finished, under its handshake traffic secret, sequence 0. Frame 8.</summary>
        public static readonly CapturedRecord ClientFinished = new(
            8,
            Hex.Parse("""
                17 03 03 00 35 8d e1 f9 e5 7e 46 1b 12 49 37 eb
                0a 23 9e 52 e9 c2 4a 2c 66 2b 0d a4 f4 ff 6a 56
                6e 75 8a 07 47 da de 13 fc b9 a4 a3 21 37 72 51
                9a 85 5f 3c 80 37 ea 8a 62 f6
                """),
            Hex.Parse("""
                14 00 00 20 4c 56 d8 af 3b 37 0a 81 ef b9 45 a3
                f2 64 f8 22 1b 50 ed fa 22 6f 5f c7 d2 29 f2 ef
                4f 0c 34 57
                """),
            22);

        /// <summary>"hello before update\n" under CLIENT_TRAFFIC_SECRET_0, sequence 0. Frame 12.</summary>
        public static readonly CapturedRecord ClientHelloBeforeUpdate = new(
            12,
            Hex.Parse("""
                17 03 03 00 25 68 fd 1d 9f 9c 8e 80 bb 51 5b f2
                fc 10 6a f5 ec b8 13 5d ca 97 df 94 7c 0e 0e 3a
                a8 74 15 1d c9 1b d2 6f 32 d5
                """),
            Hex.Parse("""
                68 65 6c 6c 6f 20 62 65 66 6f 72 65 20 75 70 64
                61 74 65 0a
                """),
            23);

        /// <summary>The KeyUpdate message (update_not_requested) under CLIENT_TRAFFIC_SECRET_0, sequence 1. Frame 14.</summary>
        public static readonly CapturedRecord ClientKeyUpdate = new(
            14,
            Hex.Parse("""
                17 03 03 00 16 05 d6 20 a4 4f 7c bf f2 a7 3f 5e
                f1 c0 33 f5 00 53 f2 5d 71 e3 a9
                """),
            Hex.Parse("""
                18 00 00 01 00
                """),
            22);

        /// <summary>"hello after update\n" under the next secret (OpenSSL's CLIENT_TRAFFIC_SECRET_N), sequence 0. Frame 16.</summary>
        public static readonly CapturedRecord ClientHelloAfterUpdate = new(
            16,
            Hex.Parse("""
                17 03 03 00 24 f4 89 99 3d ce ea 7b 16 26 ba cb
                07 1b 07 22 9b a8 c0 ce c3 c1 53 5b 30 6a 29 14
                e6 34 39 c7 4d 15 59 32 fa
                """),
            Hex.Parse("""
                68 65 6c 6c 6f 20 61 66 74 65 72 20 75 70 64 61
                74 65 0a
                """),
            23);
    }

    /// <summary>From a loopback capture made for these tests (TLS_AES_128_CCM_8_SHA256).</summary>
    public static class Tls13Ccm8
    {
        /// <summary>The cipher suite of the ServerHello.</summary>
        public const ushort Suite = 0x1305;

        /// <summary>The capture's key log file, tls13-ccm8.keys, as written.</summary>
        public const string KeyLog = """
            # SSL/TLS secrets log file, generated by OpenSSL
            SERVER_HANDSHAKE_TRAFFIC_SECRET 9397e718c64a5ede7fd56a8846df00399eabb1861643eac9075064c8253773c8 3a11214a18428449d360fc10c0e5dd4df6291abe12294881c77df99862e4bb1d
            EXPORTER_SECRET 9397e718c64a5ede7fd56a8846df00399eabb1861643eac9075064c8253773c8 fcbd38fe2edf5246fb015368519f9d9ff9243718f0f74587f3604f0fef8403ed
            SERVER_TRAFFIC_SECRET_0 9397e718c64a5ede7fd56a8846df00399eabb1861643eac9075064c8253773c8 db77c30d35c452f9f7ef252f098981cf57e634c6a86bdbe621e448d8bb6b5106
            CLIENT_HANDSHAKE_TRAFFIC_SECRET 9397e718c64a5ede7fd56a8846df00399eabb1861643eac9075064c8253773c8 c906f0c5ceb02c6de1f52aac88feabbfd863b1131bc03e4c170c1c982033d3a1
            CLIENT_TRAFFIC_SECRET_0 9397e718c64a5ede7fd56a8846df00399eabb1861643eac9075064c8253773c8 6b328ac1197dc8c2949edc9100c3827506062b10477e744250c304c1a07b8442
            """;

        /// <summary>The ClientHello random.</summary>
        public static readonly byte[] ClientRandom = Hex.Parse("""
            93 97 e7 18 c6 4a 5e de 7f d5 6a 88 46 df 00 39
            9e ab b1 86 16 43 ea c9 07 50 64 c8 25 37 73 c8
            """);

        /// <summary>The ServerHello random.</summary>
        public static readonly byte[] ServerRandom = Hex.Parse("""
            70 16 d6 5c c8 26 8c 15 5b e1 98 b0 92 fd b0 67
            ac 9b 4d f7 04 bb 87 a0 7a 29 40 9a e7 0c e8 d8
            """);

        /// <summary>The client's Finished, under its handshake traffic secret, sequence 0. Frame 8.</summary>
        public static readonly CapturedRecord ClientFinished = new(
            8,
            Hex.Parse("""
                17 03 03 00 2d 93 b3 df 23 42 bb 91 10 b0 13 82
                67 a5 e7 d9 9e 8d 66 c8 a1 5d 93 3a 58 f5 94 50
                c3 d5 bf 77 6d 8b 26 82 16 bd 2a 80 d1 70 a8 4d
                7a 26
                """),
            Hex.Parse("""
                14 00 00 20 01 a5 67 b0 12 fb 51 f4 e1 9a d5 0b
                c0 cf ca 39 c4 a0 ca 62 3e 30 dd f7 a2 bb dc 24
                84 b6 33 e3
                """),
            22);

        /// <summary>The client's GET, under CLIENT_TRAFFIC_SECRET_0, sequence 0. Frame 12.</summary>
        public static readonly CapturedRecord ClientGet = new(
            12,
            Hex.Parse("""
                17 03 03 00 1b 50 fd 3d b7 68 78 c0 50 7f 8a f2
                6a e7 aa 5c 8d 0b b0 bb c6 a7 ae 17 c2 6f bb a8
                """),
            Hex.Parse("""
                47 45 54 20 2f 20 48 54 54 50 2f 31 2e 30 0d 0a
                0d 0a
                """),
            23);
    }

    /// <summary>From a loopback capture made for these tests (TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256).</summary>
    public static class Tls12ChaCha
    {
        /// <summary>The cipher suite of the ServerHello.</summary>
        public const ushort Suite = 0xCCA8;

        /// <summary>The capture's key log file, tls12-chacha.keys, as written.</summary>
        public const string KeyLog = """
            # SSL/TLS secrets log file, generated by OpenSSL
            CLIENT_RANDOM 74052f2ec58a819660db971e0fc3a898c7761a4d298ff65c8467259019672405 c3add0dc958fa3833760aca2b2e4cbde08c264ba91ee0965a9411c2c61dcc4dd2ff45cc535f3c9645e9c01a6b186a19b
            """;

        /// <summary>The ClientHello random.</summary>
        public static readonly byte[] ClientRandom = Hex.Parse("""
            74 05 2f 2e c5 8a 81 96 60 db 97 1e 0f c3 a8 98
            c7 76 1a 4d 29 8f f6 5c 84 67 25 90 19 67 24 05
            """);

        /// <summary>The ServerHello random.</summary>
        public static readonly byte[] ServerRandom = Hex.Parse("""
            78 d5 fa 2b 6c 22 bf 03 04 99 68 40 63 ad f7 30
            d2 8a c1 0c 79 8d 6e 33 67 fe d3 4c 7b 08 b3 7a
            """);

        /// <summary>The client's Finished: sequence 0. Frame 8.</summary>
        public static readonly CapturedRecord ClientFinished = new(
            8,
            Hex.Parse("""
                16 03 03 00 20 6f da 1f ba 10 5a 29 9a f5 cf 12
                c7 6f 36 ec 05 c3 c5 b8 c3 8d 23 8b 50 fc 24 67
                af c9 e8 41 c0
                """),
            Hex.Parse("""
                14 00 00 0c db 07 69 bf ee 66 9c ea d5 e8 45 e7
                """),
            22);

        /// <summary>The client's GET: sequence 1. Frame 11.</summary>
        public static readonly CapturedRecord ClientGet = new(
            11,
            Hex.Parse("""
                17 03 03 00 22 5e da 2f a3 c1 10 3b d6 b2 02 54
                f6 32 b7 3d eb 74 13 9a 97 d7 03 fc 71 c3 47 c4
                8f d1 13 ff ed db 72
                """),
            Hex.Parse("""
                47 45 54 20 2f 20 48 54 54 50 2f 31 2e 30 0d 0a
                0d 0a
                """),
            23);

        /// <summary>The server's Finished: sequence 0. Frame 9.</summary>
        public static readonly CapturedRecord ServerFinished = new(
            9,
            Hex.Parse("""
                16 03 03 00 20 e0 63 12 26 cf 7a 25 b5 66 2b cb
                ef 1e 2b 42 dd 23 30 51 8f 5a 16 9a 3a 26 0c 39
                d0 af dc 09 6a
                """),
            Hex.Parse("""
                14 00 00 0c 06 74 b8 23 80 27 ae 8f 26 24 df ff
                """),
            22);
    }

    /// <summary>From a loopback capture made for these tests (TLS_RSA_WITH_AES_128_CCM_8).</summary>
    public static class Tls12Ccm8
    {
        /// <summary>The cipher suite of the ServerHello.</summary>
        public const ushort Suite = 0xC0A0;

        /// <summary>The capture's key log file, tls12-ccm8.keys, as written.</summary>
        public const string KeyLog = """
            # SSL/TLS secrets log file, generated by OpenSSL
            RSA 91460c015e4b099a 030305ea164b88debd6356ed50c93e68f70e9c1a42dd47d49799a077d9a43f67cc250e6a788f8745a451e37e3f4c5fa2
            CLIENT_RANDOM bc4f1eb09e3a5604bbdd9edac881e0776d1681fc45237dd904d7310c815715e7 705155d40ce4667195e8e01f9cf615681172d89fc70cc3aea7ebe30c76978e216793163c280b26f5c42584a62f23c45c
            """;

        /// <summary>The ClientHello random.</summary>
        public static readonly byte[] ClientRandom = Hex.Parse("""
            bc 4f 1e b0 9e 3a 56 04 bb dd 9e da c8 81 e0 77
            6d 16 81 fc 45 23 7d d9 04 d7 31 0c 81 57 15 e7
            """);

        /// <summary>The ServerHello random.</summary>
        public static readonly byte[] ServerRandom = Hex.Parse("""
            3d 54 12 66 96 88 ea 53 da f1 5e 3a 3b 30 5d 34
            c2 d8 34 cc 6c c6 fa 74 f0 6a 57 c5 2f 2c 92 ea
            """);

        /// <summary>The client's Finished: sequence 0. Frame 8.</summary>
        public static readonly CapturedRecord ClientFinished = new(
            8,
            Hex.Parse("""
                16 03 03 00 20 00 00 00 00 00 00 00 00 6f 76 60
                ca d9 c2 c9 d4 0d eb 71 a8 fb 77 8c 21 a1 30 74
                27 f0 6a b8 bb
                """),
            Hex.Parse("""
                14 00 00 0c 2c 07 d3 e2 4a ab bb 45 73 c1 03 e9
                """),
            22);

        /// <summary>The client's GET: sequence 1. Frame 11.</summary>
        public static readonly CapturedRecord ClientGet = new(
            11,
            Hex.Parse("""
                17 03 03 00 22 00 00 00 00 00 00 00 01 5a af 3e
                12 be 38 70 df d4 54 b7 57 e5 72 5d 36 5b f6 bd
                50 91 bb e8 ec 76 91
                """),
            Hex.Parse("""
                47 45 54 20 2f 20 48 54 54 50 2f 31 2e 30 0d 0a
                0d 0a
                """),
            23);
    }

    /// <summary>From a loopback capture made for these tests (TLS_RSA_WITH_AES_256_CCM).</summary>
    public static class Tls12Ccm
    {
        /// <summary>The cipher suite of the ServerHello.</summary>
        public const ushort Suite = 0xC09D;

        /// <summary>The capture's key log file, tls12-ccm.keys, as written.</summary>
        public const string KeyLog = """
            # SSL/TLS secrets log file, generated by OpenSSL
            RSA 918adfca50ca1077 03033a78befa6e168ebea4ddb8d946632e81c0fa9234f3dd3b59f8ad2a8f7374108a6b578d2b6e43dd81d7af5eff6420
            CLIENT_RANDOM 9bc56c24681234f5d3e0ef723e3ee98826a4662e2159ab6bf075ce9e5491e791 ec3b9b40a6d100306d0ebb007b8a0c6cc377cd4108fa21a4ac56a31d577b008535a925cb0cce85399f0e3f7ca6a180ec
            """;

        /// <summary>The ClientHello random.</summary>
        public static readonly byte[] ClientRandom = Hex.Parse("""
            9b c5 6c 24 68 12 34 f5 d3 e0 ef 72 3e 3e e9 88
            26 a4 66 2e 21 59 ab 6b f0 75 ce 9e 54 91 e7 91
            """);

        /// <summary>The ServerHello random.</summary>
        public static readonly byte[] ServerRandom = Hex.Parse("""
            5f cc a6 0e e2 f6 2f 08 b6 e6 93 76 69 ac a8 a0
            00 1f e2 1e 89 7a e9 ef 15 0d 4a bd 08 fd 3b 5c
            """);

        /// <summary>The client's Finished: sequence 0. Frame 8.</summary>
        public static readonly CapturedRecord ClientFinished = new(
            8,
            Hex.Parse("""
                16 03 03 00 28 00 00 00 00 00 00 00 00 32 1c 4c
                07 06 b5 e8 a3 ff 5c e7 08 ff 27 78 c2 92 07 3c
                87 a7 fb 16 26 79 bf 7e 17 c7 f8 0c 00
                """),
            Hex.Parse("""
                14 00 00 0c 48 1f 51 6f af b2 89 22 89 78 46 f7
                """),
            22);

        /// <summary>The client's GET: sequence 1. Frame 11.</summary>
        public static readonly CapturedRecord ClientGet = new(
            11,
            Hex.Parse("""
                17 03 03 00 2a 00 00 00 00 00 00 00 01 a2 87 c3
                cd 54 77 62 f1 79 88 44 50 01 7a 44 f6 4f bb 2f
                5a ab 73 d3 22 a0 66 64 f9 58 ac b9 e2 f2 2e
                """),
            Hex.Parse("""
                47 45 54 20 2f 20 48 54 54 50 2f 31 2e 30 0d 0a
                0d 0a
                """),
            23);
    }
}
