package org.ortc4j.dtls;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A DTLS client and server session over two transports, with recording listeners; closes
 * both sessions (and so the transports) in {@link #close()}.
 */
final class SessionPair implements AutoCloseable {
  static final long WAIT_SECONDS = 20;

  final DtlsSession client;
  final DtlsSession server;
  final RecordingListener clientEvents = new RecordingListener();
  final RecordingListener serverEvents = new RecordingListener();

  SessionPair(PacketTransport clientTransport, DtlsConfig clientConfig,
      PacketTransport serverTransport, DtlsConfig serverConfig) {
    server = DtlsSession.server(serverTransport, serverConfig, serverEvents);
    client = DtlsSession.client(clientTransport, clientConfig, clientEvents);
  }

  /** A config for {@code local} expecting {@code remote}'s sha-256 fingerprint. */
  static DtlsConfig.Builder config(DtlsCertificate local, DtlsCertificate remote) {
    return DtlsConfig.builder().certificate(local)
        .remoteFingerprint(remote.fingerprint(FingerprintAlgorithm.SHA_256))
        .handshakeTimeout(Duration.ofSeconds(15))
        .initialRetransmitInterval(Duration.ofMillis(300));
  }

  DtlsHandshakeResult clientResult() throws Exception {
    return client.handshake().get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  DtlsHandshakeResult serverResult() throws Exception {
    return server.handshake().get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    client.close();
    server.close();
  }
}
