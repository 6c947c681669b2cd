using PcapDiff.Core.Tests.Builders;

namespace PcapDiff.Core.Tests.Protocols;

/// <summary>
/// TCP payloads of real connections on 127.0.0.1, captured with tcpdump on lo and extracted per
/// segment with <c>tshark -qz follow,tcp,raw,N</c>:
/// TLS from OpenSSL 3.0 (<c>openssl s_server -cert cert.pem -key key.pem -alpn …</c> with a
/// self-signed P-256 certificate for CN=collector.test, and <c>openssl s_client -connect
/// 127.0.0.1:PORT -servername collector.test -alpn h2,http/1.1</c> plus <c>-tls1_2</c> and
/// <c>-verify_return_error</c> where said); HTTP from curl 7.88 against <c>python3 -m http.server
/// --protocol HTTP/1.1</c> (two URLs in one curl run share the connection); MQTT from mosquitto 2.0.11
/// with a password file (user device, password s3cret) and mosquitto_pub/mosquitto_sub with
/// <c>-V mqttv311|mqttv5|mqttv31 -i CLIENT -u device -P PASSWORD -t pcd/test -m hello -q 1</c>
/// (and <c>-D connect session-expiry-interval 60</c>, <c>-D connect user-property lab pcd</c>,
/// <c>-D publish content-type text/plain</c> for MQTT 5).
/// </summary>
internal static class CapturedStreams
{
    /// <summary>TLS 1.2, SNI collector.test, ALPN h2,http/1.1; the client rejects the self-signed certificate with a fatal unknown_ca alert.</summary>
    public static Segment[] Tls12UnknownCa { get; } =
    [
        Segment.ClientHex("""
            16030100e0010000dc030389d64f4750a27c231ed09ff9b07312ab602facc12ae9f0ee361801914f854562000038c02c
            c030009fcca9cca8ccaac02bc02f009ec024c028006bc023c0270067c00ac0140039c009c0130033009d009c003d003c
            0035002f00ff0100007b00000013001100000e636f6c6c6563746f722e74657374000b000403000102000a000c000a00
            1d0017001e00190018002300000010000e000c02683208687474702f312e310016000000170000000d002a0028040305
            030603080708080809080a080b080408050806040105010601030303010302040205020602
            """),
        Segment.ServerHex("""
            160303004a020000460303cfad50959328dbe84d112600e2ddf0b58971d3c9f32098cc444f574e4752440100c02c0000
            1eff01000100000b000403000102002300000010000500030268320017000016030301960b00019200018f00018c3082
            01883082012da0030201020214739db8295be3bb8478382653d7b3d485a2431341300a06082a8648ce3d040302301931
            17301506035504030c0e636f6c6c6563746f722e74657374301e170d3236313132363130303432335a170d3336313132
            333130303432335a30193117301506035504030c0e636f6c6c6563746f722e746573743059301306072a8648ce3d0201
            06082a8648ce3d03010703420004a5137605fb86cc37aceddad8add02cb48aedbf309bdafa417b03c29165ae81a02446
            bd772c57d29f4bac22be9abe95da946fef7ab084396488933a0685bc8305a3533051301d0603551d0e041604147ea244
            bf35f98382ddd37cdd8ffa773d8f804dba301f0603551d230418301680147ea244bf35f98382ddd37cdd8ffa773d8f80
            4dba300f0603551d130101ff040530030101ff300a06082a8648ce3d0403020349003046022100e91638921a00488eb4
            22cbb3612ec67b384777a56b6d3ca041843b84c2a0595602210088cc6e062d4c0dafbb25927426eaf74d053101a20d1c
            13fabecb162401b7f62a16030300730c00006f03001d204aa2abea723bc5a8d1caeaeae46477bce9d89948f69fe22380
            2692047913461204030047304502206b0f60407071f48f187505b63a53ac859a035e0e5460998365ebe2ac05cf737e02
            2100e864afbaf87e666726484df7f85d2936b64c1902fa23374942c130be488e3a5816030300040e000000
            """),
        Segment.ClientHex("15030300020230"),
    ];

    /// <summary>TLS 1.2 completed: ClientKeyExchange, both ChangeCipherSpecs and Finished, a NewSessionTicket, then encrypted close_notify alerts.</summary>
    public static Segment[] Tls12Full { get; } =
    [
        Segment.ClientHex("""
            16030100e0010000dc0303ffc2b10361d57afb7064c0a7d8094f6341ee91e945196bfb83827cdf51ba04d3000038c02c
            c030009fcca9cca8ccaac02bc02f009ec024c028006bc023c0270067c00ac0140039c009c0130033009d009c003d003c
            0035002f00ff0100007b00000013001100000e636f6c6c6563746f722e74657374000b000403000102000a000c000a00
            1d0017001e00190018002300000010000e000c02683208687474702f312e310016000000170000000d002a0028040305
            030603080708080809080a080b080408050806040105010601030303010302040205020602
            """),
        Segment.ServerHex("""
            160303004a020000460303b262fa5d53a7dbde0b476134f614197ce40c3214598e585b444f574e4752440100c02c0000
            1eff01000100000b000403000102002300000010000500030268320017000016030301960b00019200018f00018c3082
            01883082012da0030201020214739db8295be3bb8478382653d7b3d485a2431341300a06082a8648ce3d040302301931
            17301506035504030c0e636f6c6c6563746f722e74657374301e170d3236313132363130303432335a170d3336313132
            333130303432335a30193117301506035504030c0e636f6c6c6563746f722e746573743059301306072a8648ce3d0201
            06082a8648ce3d03010703420004a5137605fb86cc37aceddad8add02cb48aedbf309bdafa417b03c29165ae81a02446
            bd772c57d29f4bac22be9abe95da946fef7ab084396488933a0685bc8305a3533051301d0603551d0e041604147ea244
            bf35f98382ddd37cdd8ffa773d8f804dba301f0603551d230418301680147ea244bf35f98382ddd37cdd8ffa773d8f80
            4dba300f0603551d130101ff040530030101ff300a06082a8648ce3d0403020349003046022100e91638921a00488eb4
            22cbb3612ec67b384777a56b6d3ca041843b84c2a0595602210088cc6e062d4c0dafbb25927426eaf74d053101a20d1c
            13fabecb162401b7f62a16030300730c00006f03001d20a6f54c2c7a51a71cf1c172b89d7f4608e3994be7a766f4a411
            15458f17e49a1a040300473045022053c10c45c9f00dde103e732cdaf7bbd9c8cb15741ecf8be94b7743023b64fcbb02
            2100dd98ee003945bd6dcda84e0d4ea0451a1e722011eb603a3d405114ec1484aa7a16030300040e000000
            """),
        Segment.ClientHex("""
            16030300251000002120e8439141a48c4f1edc270fe19a2dd524b6acd5cc7fed64df7484d6ab4bc37a04140303000101
            1603030028809f16c8d9c584dd13b0072547ccb843115db3de231628dd9225a8dd678ca95c101c9335e0ba2f78
            """),
        Segment.ServerHex("""
            16030300ba040000b600001c2000b0deef38863e7c8f49cedba095f9af7b710fbd19ff7d72ed328f0a031daf05f120d1
            28e545171474443e632ee0b2ff65d9226f8be2e2fdf5537d5b40a0b4f91eae02742d89d6ef1ddefaa50983667c2d3b40
            60b5acff14da2597ecacf168d33a0ecdde82050f00de7a93de5378c42b426f9bdbc10caa4aa2d4be4bc3493063a825ba
            6f98d68ab1899d11a2f081871dd0e5429e8200c259d2897fd739022951ab50f2c14c748e491733c0f1c27aa03349ac14
            0303000101160303002840d3ecddcef309a6c1ed4665e555c349f9e3347d5c4e4b14968df5969af69d13cb10abca77e1
            b4fd
            """),
        Segment.ServerHex("150303001a40d3ecddcef309a756dfa2772f0377634ede60b45bec168287dc"),
        Segment.ClientHex("150303001a809f16c8d9c584decc2346cebe5f973742b0e775cb5863c77529"),
    ];

    /// <summary>TLS 1.3 (ALPN h2 chosen inside EncryptedExtensions, so not visible): hellos, the compatibility ChangeCipherSpecs, then application_data records only.</summary>
    public static Segment[] Tls13 { get; } =
    [
        Segment.ClientHex("""
            160301014d0100014903030cb38c2e70c4241326e9cbea590a8636c35b0d30a127147201acdfa00dc665f6205144798c
            61c83fee23cd303a73fccd6fdc93332fa258f652f43ad7fc0d745bcd003e130213031301c02cc030009fcca9cca8ccaa
            c02bc02f009ec024c028006bc023c0270067c00ac0140039c009c0130033009d009c003d003c0035002f00ff010000c2
            00000013001100000e636f6c6c6563746f722e74657374000b000403000102000a00160014001d0017001e0019001801
            000101010201030104002300000010000e000c02683208687474702f312e310016000000170000000d002a0028040305
            030603080708080809080a080b080408050806040105010601030303010302040205020602002b000908030403030302
            0301002d00020101003300260024001d00203e9195e143214a3030f20022a8f93833d45e496b55d23dc185aad85c0672
            d920
            """),
        Segment.ServerHex("""
            160303007a020000760303048ae5ba24ea3995de968e480e4c2b3431017b1ce531a2f52b89e8f1dd8eb2ce205144798c
            61c83fee23cd303a73fccd6fdc93332fa258f652f43ad7fc0d745bcd130200002e002b0002030400330024001d0020a4
            a44a834b6785e42d24300c94325c06931dbb58dcb9c2adadb46636d8785e75140303000101170303002090dfa6cb649b
            0e68c5ea45312cea5050c098ebf4c3605cd40d6300136d9a128f17030301aa6156d77c3fd8cfde64a2237c2f71894158
            d33897a3da08553ff1c6a20fd5b8590eb8046a9146791259cc832009f8d85fd080b11ba934adc88589517ead0de50045
            7670d6b7f7ec75ab22db57f9739d85d1271419d81ffafa148e0431045ac09eeef036b8c62cd6ef4f22b486f7ca7eab64
            f1a8d9cb3a92dd22418098cc1e2be1ed27c00ce22a9f8e1c17ce059c2133c69f54e42033087e063aa26d74133b2d661b
            b73de735b3de50334d7126f112fb1f0bdb1c2bbe611e376db4f4c866b9f29cfbd4aa05faba0e55d5e4c0f0b19538ae4d
            007478e844e1afcc0bca52ba5e3b13d2cee890a38fbcfc757476110fed4df55f6ffffc16670117e4b88cdd56a28750f9
            e31b314e71acc4c42b16a5511bc19fbf15b76ebbe98de0d843e12e17090fa5825aeca1371cb6c7c807b1d006f648b642
            f18abc57887585eb0d59598b3b5b73ab49d76cef9cd23582208737b389b2d993ea085c29e8510f69ecf2f02257ca5b08
            5d2dac9fc3ba1ccbb1dd50be6bb5ea6e1c7d844c375c25a0094e7331faa0e4601e020d5f5546a5256855c87dd0ea956a
            b6a84265059c3c09d100f793c9e4e957628dea4d2360b4475c1703030060e707850533ab233881c8344f7bb32ddd5c83
            5f12a0b346e897fe9c2cdad0c8acdf47fb500d6c86dc3550033556f38e911b9b8b7a98f987ce64a3666ffb33d6a25bf8
            419dcde8f25113dd22be798bb77c3fe991979d7b3f9b8ce8219da80a475f17030300454bb66684b7d5b9312060edbc59
            9bd9b8685d5b370c4c4a42848ec3e1f1cf71af04c768ce25fe109dd594f82c91d99e894c1f5318a4d24cf99857a0cb7c
            2cc77f90e20a5166
            """),
        Segment.ClientHex("""
            14030300010117030300450ef22f87c7f69b9a774bc97238ab31238b91a2ae4255390a68a8f65b22c642f25378572402
            19130f5fd126070ffec1c9df8a08e3fcd4b5541bff6799e2dd366aee9db0edb7
            """),
        Segment.ServerHex("""
            17030300fa9626e1433b174e2621ad00461b20d4bcf60a91095ed02dbfeffdd8458105718845cd136a878e17c04c466a
            8ce5cfd54ae6b2ca4935cfab661063b6740712a6edca9b0f5f9ebcdc01c0013a1d4bf19345c66e66f799f5f02374ffe5
            36f0c912bd8233c4f40a35469ac53168c63bc3fbf2e519fde5d20363f88f917ce58054007bce2fd42db101e1be02f9d9
            63ae317bb65cc21b045783125c32da6e1bdd426f4cab77a22e5fc4ab89247caadb240b877b6c6383f22d55f1b619f485
            8eef88267f59039407b879fc299783f0cc16c57385ffea58ae1d9bb58e227752a981d54a3935fdb3e21badb1c3df6f81
            e558161f41c64e8e83effdddd23019
            """),
        Segment.ServerHex("""
            17030300fa3ea96fc5624da30db88c565b215e57aa2d4a76e2788d3a15b9dc8b199786cdd488b2b187f102b5da6322e7
            524b4cb59fd87be0a48111d423f4a827fcd20b35c6407a24780bf6a872b6e328713ecc6aaa34346924fe17c0348f06cd
            f35b62b9fff50f34f985682d93c23f06e451221ebb74838ecae38c4374466d8aba7426946cd51a9006ff515dae358386
            0217ce65fd35912df6a18467498c359d64df2a07e442ae612c91734160ae8d67b0c15762c1f505cdb6d0778d9fa45034
            caa0e9082bcdef724eb5036c34eda2f701d7eef95ba67c3a8248edfab1a512b8286e1d278f63593fb25fa7e816ef69ca
            afceaba71db3e108cbfbb141ba18f1
            """),
        Segment.ServerHex("17030300136cf9001163e450858037237fee02e9f5730620"),
        Segment.ClientHex("170303001343a0d6bd043f9014c0bcf8fefd60d091853be6"),
    ];

    /// <summary>MQTT 3.1.1, client pcd-device-1, user device, wrong password: mosquitto answers CONNACK 5 (not authorized).</summary>
    public static Segment[] Mqtt311Refused { get; } =
    [
        Segment.ClientHex("102700044d51545404c2003c000c7063642d6465766963652d310006646576696365000577726f6e67"),
        Segment.ServerHex("20020005"),
    ];

    /// <summary>MQTT 3.1.1 subscriber pcd-sub-1: SUBSCRIBE pcd/test qos1, receives one PUBLISH, PUBACK, DISCONNECT.</summary>
    public static Segment[] Mqtt311Subscriber { get; } =
    [
        Segment.ClientHex("102500044d51545404c2003c00097063642d7375622d3100066465766963650006733363726574"),
        Segment.ServerHex("20020000"),
        Segment.ClientHex("820d000100087063642f7465737401"),
        Segment.ServerHex("9003000101"),
        Segment.ServerHex("321100087063642f74657374000168656c6c6f"),
        Segment.ClientHex("40020001"),
        Segment.ClientHex("e000"),
    ];

    /// <summary>MQTT 5 with session-expiry-interval and a user property, wrong password: CONNACK 0x87 (not authorized).</summary>
    public static Segment[] Mqtt5Refused { get; } =
    [
        Segment.ClientHex("""
            103b00044d51545405c2003c13110000003c2600036c61620003706364210014000c7063642d6465766963652d350006
            646576696365000577726f6e67
            """),
        Segment.ServerHex("2003008700"),
    ];

    /// <summary>MQTT 5 publisher with a content-type property; CONNACK carries properties; PUBACK reason 0x10 (no matching subscribers).</summary>
    public static Segment[] Mqtt5Publish { get; } =
    [
        Segment.ClientHex("""
            103100044d51545405c2003c08110000003c210014000c7063642d6465766963652d3500066465766963650006733363
            726574
            """),
        Segment.ServerHex("200900000622000a210014"),
        Segment.ClientHex("321f00087063642f7465737400010d03000a746578742f706c61696e68656c6c6f"),
        Segment.ServerHex("4003000110"),
        Segment.ClientHex("e000"),
    ];

    /// <summary>MQTT 3.1 (MQIsdp, level 3) publisher, qos0.</summary>
    public static Segment[] Mqtt31Publish { get; } =
    [
        Segment.ClientHex("102a00064d514973647003c2003c000c7063642d6465766963652d3300066465766963650006733363726574"),
        Segment.ServerHex("20020000"),
        Segment.ClientHex("300c00087063642f746573746869"),
        Segment.ClientHex("e000"),
    ];

    /// <summary>curl fetching /hello.txt (200, Content-Length 6) then /missing?session=abc123 (404, Content-Length 335) on one connection.</summary>
    public static Segment[] HttpKeepAlive { get; } =
    [
        Segment.Client("GET /hello.txt HTTP/1.1\r\nHost: 127.0.0.1:18080\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n"),
        Segment.Server(
            "HTTP/1.1 200 OK\r\nServer: SimpleHTTP/0.6 Python/3.11.7\r\nDate: Thu, 26 Nov 2026 10:05:04 GMT\r\n"
            + "Content-type: text/plain\r\nContent-Length: 6\r\nLast-Modified: Thu, 26 Nov 2026 10:05:01 GMT\r\n\r\n"),
        Segment.Server("hello\n"),
        Segment.Client("GET /missing?session=abc123 HTTP/1.1\r\nHost: 127.0.0.1:18080\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n"),
        Segment.Server(
            "HTTP/1.1 404 File not found\r\nServer: SimpleHTTP/0.6 Python/3.11.7\r\nDate: Thu, 26 Nov 2026 10:05:04 GMT\r\n"
            + "Connection: close\r\nContent-Type: text/html;charset=utf-8\r\nContent-Length: 335\r\n\r\n"),
        Segment.Server(
            "<!DOCTYPE HTML>\n<html lang=\"en\">\n    <head>\n        <meta charset=\"utf-8\">\n"
            + "        <title>Error response</title>\n    </head>\n    <body>\n        <h1>Error response</h1>\n"
            + "        <p>Error code: 404</p>\n        <p>Message: File not found.</p>\n"
            + "        <p>Error code explanation: 404 - Nothing matches the given URI.</p>\n    </body>\n</html>\n"),
    ];
}
