#!/usr/bin/python3
"""mqtts_client.py: one MQTT 3.1.1 publish over TLS 1.3 with paho-mqtt, for
tools/make-keylog-captures.

    mqtts_client.py HOST PORT CAFILE KEYLOG CLIENT_ID USER PASSWORD TOPIC MESSAGE

Connects to HOST:PORT with TLS 1.3 only, trusting CAFILE and checking the
host name, and writes the TLS secrets to KEYLOG (SSLContext.keylog_filename,
NSS key log format; Python puts a "#" comment line first). Sends CONNECT
(clean session, keep-alive 60 s) with CLIENT_ID, USER and PASSWORD. If the
CONNACK accepts it: one PUBLISH of MESSAGE to TOPIC at QoS 1, then, after
its PUBACK, DISCONNECT; exit status 0. If the CONNACK refuses it: prints
"Connection refused: RC (TEXT)" on stderr and exits with status 5, as
mosquitto_pub does.

Either way the client reads until the broker has closed its side of the TLS
session (close_notify, then FIN) before paho closes the socket. paho alone
closes right after DISCONNECT (or the refusing CONNACK), and the broker's
close_notify then arrives at a closed socket, which the kernel answers with
RST; this way the capture ends with the broker's FIN and the client's, no
RST. Needs Debian's python3-paho-mqtt (1.6) and /usr/bin/python3.
"""

import ssl
import sys

import paho.mqtt.client as mqtt

TIMEOUT = 10.0  # seconds for each step


def drain(client):
    """Read until the broker closes the TLS session, while paho's socket is still open."""
    sock = client.socket()
    if sock is None:
        return
    sock.settimeout(TIMEOUT)
    try:
        while sock.recv(4096):
            pass
    except (ssl.SSLError, OSError):
        pass  # FIN without close_notify (SSLEOFError), or RST: closed either way


def main():
    if len(sys.argv) != 10:
        print("usage: mqtts_client.py HOST PORT CAFILE KEYLOG CLIENT_ID USER PASSWORD TOPIC MESSAGE", file=sys.stderr)
        return 2
    host, port, cafile, keylog, client_id, user, password, topic, message = sys.argv[1:]

    ctx = ssl.create_default_context(cafile=cafile)
    ctx.minimum_version = ssl.TLSVersion.TLSv1_3
    ctx.keylog_filename = keylog

    state = {"rc": None, "acked": False, "gone": False}

    def on_connect(client, userdata, flags, rc):
        state["rc"] = rc
        if rc != 0:
            drain(client)  # the broker closes after a refusing CONNACK

    def on_publish(client, userdata, mid):
        state["acked"] = True

    def on_disconnect(client, userdata, rc):
        # Called after DISCONNECT is written and before paho closes the socket.
        if rc == 0:
            drain(client)
        state["gone"] = True

    client = mqtt.Client(client_id=client_id, clean_session=True, protocol=mqtt.MQTTv311)
    client.on_connect = on_connect
    client.on_publish = on_publish
    client.on_disconnect = on_disconnect
    client.username_pw_set(user, password)
    client.tls_set_context(ctx)
    client.connect(host, int(port), keepalive=60)

    def run_until(done, what):
        for _ in range(int(TIMEOUT / 0.1)):
            if done():
                return
            if client.loop(timeout=0.1) != mqtt.MQTT_ERR_SUCCESS and not done():
                print(f"mqtts_client: connection lost waiting for {what}", file=sys.stderr)
                sys.exit(1)
        print(f"mqtts_client: timed out waiting for {what}", file=sys.stderr)
        sys.exit(1)

    run_until(lambda: state["rc"] is not None, "CONNACK")
    if state["rc"] != 0:
        print(f"Connection refused: {state['rc']} ({mqtt.connack_string(state['rc'])})", file=sys.stderr)
        # on_connect drained the connection; paho closed it in loop().
        return 5
    info = client.publish(topic, message, qos=1)
    if info.rc != mqtt.MQTT_ERR_SUCCESS:
        print(f"mqtts_client: publish failed: {mqtt.error_string(info.rc)}", file=sys.stderr)
        return 1
    run_until(lambda: state["acked"], "PUBACK")
    client.disconnect()
    run_until(lambda: state["gone"], "the broker's close")
    print(f"published {message!r} to {topic} (QoS 1, acknowledged)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
