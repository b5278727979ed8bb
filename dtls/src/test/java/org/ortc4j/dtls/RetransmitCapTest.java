package org.ortc4j.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link DtlsConfig.Builder#maxRetransmitInterval}: the server's answers are lost for 4 s from
 * its first one. BouncyCastle alone resends at 0.1, 0.3, 0.7, 1.5 and 3.1 s after the first
 * try, then not before 6.3 s, past the 5.5 s handshake timeout; with a 250 ms cap the flight
 * goes again every 250 ms and the handshake ends soon after the outage (margins near 1 s both
 * ways, for a loaded machine).
 */
class RetransmitCapTest {
  private static final long OUTAGE_MILLIS = 4000;

  @Test
  void withACapTheHandshakeRecoversSoonAfterAnOutage() throws Exception {
    assertThat(handshake(Duration.ofMillis(250))).isNull();
  }

  @Test
  void withoutACapTheDoublingResendMissesTheHandshakeTimeout() throws Exception {
    assertThat(handshake(Duration.ZERO)).isNotNull()
        .satisfies(e -> assertThat(e.reason()).isEqualTo(DtlsFailure.HANDSHAKE_TIMEOUT));
  }

  /** The client's failure, or null when both sides connected. */
  private static DtlsException handshake(Duration cap) throws Exception {
    MemoryPacketPipe pipe = new MemoryPacketPipe();
    long[] outageEnd = {0};
    PacketTransport server = new LossyPacketTransport(pipe.right, (index, datagram) -> {
      if (index == 0) {
        outageEnd[0] = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(OUTAGE_MILLIS);
      }
      return System.nanoTime() < outageEnd[0];
    });
    DtlsCertificate c = TestCertificates.ecdsa(0);
    DtlsCertificate s = TestCertificates.ecdsa(1);
    try (SessionPair pair = new SessionPair(pipe.left, config(c, s, cap), server,
        config(s, c, cap))) {
      try {
        pair.client.handshake().get(SessionPair.WAIT_SECONDS, TimeUnit.SECONDS);
        pair.serverResult();
        return null;
      } catch (ExecutionException e) {
        return (DtlsException) e.getCause();
      }
    }
  }

  private static DtlsConfig config(DtlsCertificate local, DtlsCertificate remote, Duration cap) {
    return SessionPair.config(local, remote)
        .initialRetransmitInterval(Duration.ofMillis(100))
        .maxRetransmitInterval(cap)
        .handshakeTimeout(Duration.ofMillis(5500))
        .build();
  }
}
