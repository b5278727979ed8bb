package org.ortc4j.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.ortc4j.api.internal.PacketClass;

/**
 * ICE + DTLS-SRTP between two ortc4j peers over an impaired path: random loss both ways,
 * duplication and reordering, a lost first DTLS flight. The settings are what a user on a bad
 * network would pick: DTLS resends after 200 ms (not 1 s) and never waits more than 1 s
 * ({@link OrtcSettings.Builder#dtlsMaxRetransmitInterval}); ICE and the handshake get 30 s.
 *
 * <p>Without the 1 s cap, 2 of 6 calls at 40 % failed even with 90 s: BouncyCastle doubles the
 * resend interval up to 60 s, and a client whose last flight (or the server's answer) was lost
 * 8 times in a row waited 51 s for its 9th try. With it (and the dtls module's repairs of
 * BouncyCastle under loss, and ice's longer-lived checks), calls at 40 % connect in seconds.
 */
class ImpairedConnectTest {
  static OrtcSettings lossySettings() {
    return TestPeer.settings()
        .dtlsRetransmitInterval(Duration.ofMillis(200))
        .dtlsMaxRetransmitInterval(Duration.ofSeconds(1))
        .iceConnectTimeout(Duration.ofSeconds(30))
        .dtlsHandshakeTimeout(Duration.ofSeconds(30))
        .dtlsRoleConflictTimeout(Duration.ofSeconds(30))
        .build();
  }

  /** Both levels are measured over 50 seeds each by ImpairedLossStatisticsTest. */
  @ParameterizedTest(name = "{0} % loss both ways, seed {1}")
  @CsvSource({"20, 1", "20, 2", "20, 3", "40, 1", "40, 2"})
  void connectsThroughRandomLossBothWays(int percent, long seed) throws Exception {
    try (ImpairedCall call = new ImpairedCall(lossySettings(), seed)) {
      call.link.impairBoth(d -> d.loss(percent / 100.0));

      awaitConnected(call, 60);

      assertConnectedAndKeyed(call);
      assertThat(call.link.aToB.lost(PacketClass.OTHER) + call.link.bToA.lost(PacketClass.OTHER))
          .as("STUN checks were lost on the way").isPositive();
    }
  }

  @Test
  void connectsThroughDuplicationAndReordering() throws Exception {
    try (ImpairedCall call = new ImpairedCall(lossySettings(), 42)) {
      call.link.impairBoth(d -> d.duplication(0.3).delay(0, 40));

      call.connect().get(60, TimeUnit.SECONDS);

      assertConnectedAndKeyed(call);
      assertThat(call.link.aToB.extraCopies(PacketClass.DTLS)
          + call.link.bToA.extraCopies(PacketClass.DTLS)).as("DTLS records duplicated")
          .isPositive();
    }
  }

  /** Every datagram of the client's first ClientHello flight is lost; the resend gets through. */
  @Test
  void connectsWhenTheClientsWholeFirstFlightIsLost() throws Exception {
    try (ImpairedCall call = new ImpairedCall(lossySettings(), 7)) {
      // B is ICE controlled, so the DTLS client: its first flight is its first DTLS datagrams
      FirstFlight first = new FirstFlight();
      call.link.bToA.dropRule = (data, seen) -> first.drop(data);

      call.connect().get(60, TimeUnit.SECONDS);

      assertConnectedAndKeyed(call);
      assertThat(call.link.bToA.lost(PacketClass.DTLS)).as("the first flight").isPositive();
    }
  }

  /** Every datagram of the server's first flight (ServerHello .. ServerHelloDone) is lost. */
  @Test
  void connectsWhenTheServersWholeFirstFlightIsLost() throws Exception {
    try (ImpairedCall call = new ImpairedCall(lossySettings(), 8)) {
      FirstFlight first = new FirstFlight();
      call.link.aToB.dropRule = (data, seen) -> first.drop(data);

      call.connect().get(60, TimeUnit.SECONDS);

      assertConnectedAndKeyed(call);
      assertThat(call.link.aToB.lost(PacketClass.DTLS)).as("the first flight").isPositive();
    }
  }

  /** Waits for both DTLS transports; on failure says what each side's states were. */
  static void awaitConnected(ImpairedCall call, long seconds) throws Exception {
    try {
      call.connect().get(seconds, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new AssertionError(String.format("not connected: %s%n a ICE %s DTLS %s%n"
          + " b ICE %s DTLS %s%n a->b lost DTLS %d of %d, STUN %d of %d;"
          + " b->a lost DTLS %d of %d, STUN %d of %d", e,
          call.a.iceStates.values(), call.a.dtlsStates.values(),
          call.b.iceStates.values(), call.b.dtlsStates.values(),
          call.link.aToB.lost(PacketClass.DTLS), call.link.aToB.received(PacketClass.DTLS),
          call.link.aToB.lost(PacketClass.OTHER), call.link.aToB.received(PacketClass.OTHER),
          call.link.bToA.lost(PacketClass.DTLS), call.link.bToA.received(PacketClass.DTLS),
          call.link.bToA.lost(PacketClass.OTHER), call.link.bToA.received(PacketClass.OTHER)), e);
    }
  }

  static void assertConnectedAndKeyed(ImpairedCall call) {
    assertThat(call.a.dtls.state()).isEqualTo(DtlsTransportState.CONNECTED);
    assertThat(call.b.dtls.state()).isEqualTo(DtlsTransportState.CONNECTED);
    assertThat(call.a.dtls.srtpProfile()).isPresent().isEqualTo(call.b.dtls.srtpProfile());
    assertThat(call.a.dtls.role()).isNotEqualTo(call.b.dtls.role());
  }

  /**
   * Drops the DTLS datagrams of one side's first flight: those sent before the flight is
   * retransmitted, which shows as a gap of at least the retransmit interval (100 ms here, half
   * of it) after the flight's first datagram. Runs on one reader thread.
   */
  static final class FirstFlight {
    private long firstNanos = -1;
    private final AtomicBoolean over = new AtomicBoolean();

    boolean drop(byte[] data) {
      if (over.get() || data.length == 0 || (data[0] & 0xFF) < 20 || (data[0] & 0xFF) > 63) {
        return false;
      }
      long now = System.nanoTime();
      if (firstNanos < 0) {
        firstNanos = now;
      }
      if (now - firstNanos > TimeUnit.MILLISECONDS.toNanos(100)) {
        over.set(true);
        return false;
      }
      return true;
    }
  }
}
