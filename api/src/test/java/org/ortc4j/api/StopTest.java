package org.ortc4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ortc4j.ice.IceCandidatePair;
import org.ortc4j.ice.IceConnectionState;
import org.ortc4j.ice.IceRole;

/**
 * Stopping at each stage: while ICE checks, during the DTLS handshake, after connect. A pending
 * start (blocking or asynchronous) ends with an error within 1 s of the stop; the peer notices
 * (close_notify after connect, consent or the connect timeout otherwise); stop is idempotent,
 * CLOSED is emitted once and nothing follows it.
 */
class StopTest {
  /** The bound on a pending start after a stop. */
  private static final Duration PROMPTLY = Duration.ofSeconds(1);

  /** What is stopped on the side that hangs up. */
  enum Stop { ICE, DTLS }

  private TestCall call;

  @AfterEach
  void close() {
    if (call != null) {
      call.close();
    }
  }

  /**
   * No candidates are exchanged, so ICE stays CHECKING (until the 3 s connect timeout here)
   * and the DTLS starts wait for it.
   */
  @ParameterizedTest(name = "stop {0}")
  @EnumSource(Stop.class)
  void stopWhileIceChecks(Stop what) throws Exception {
    OrtcSettings settings = TestPeer.settings().iceConnectTimeout(Duration.ofSeconds(3)).build();
    call = new TestCall(settings, settings);
    TestPeer a = call.controlling;
    TestPeer b = call.controlled;
    a.gatherer.gather();
    b.gatherer.gather();
    CompletableFuture<IceCandidatePair> iceA = a.startIce(b, IceRole.CONTROLLING);
    CompletableFuture<IceCandidatePair> iceB = b.startIce(a, IceRole.CONTROLLED);
    CompletableFuture<Void> blockingDtlsA = CompletableFuture.runAsync(
        () -> a.dtls.start(b.dtls.getLocalParameters(), Duration.ofSeconds(30)));
    CompletableFuture<Void> dtlsB = b.dtls.startAsync(a.dtls.getLocalParameters());
    assertThat(a.dtlsStates.await(DtlsTransportState.CONNECTING, TestPeer.WAIT)).isTrue();
    // the agent reports CHECKING from its own thread, shortly after start
    assertThat(a.iceStates.await(IceConnectionState.CHECKING, TestPeer.WAIT)).isTrue();

    stop(a, what);

    DtlsTransportException dtlsError =
        Outcomes.failure(blockingDtlsA, PROMPTLY, DtlsTransportException.class);
    if (what == Stop.ICE) {
      IceTransportException iceError =
          Outcomes.failure(iceA, PROMPTLY, IceTransportException.class);
      assertThat(iceError.reason()).isEqualTo(IceTransportFailure.STOPPED);
      assertThat(dtlsError.reason()).isEqualTo(DtlsTransportFailure.ICE_CLOSED);
      assertThat(a.iceStates.values()).containsExactly(IceConnectionState.NEW,
          IceConnectionState.CHECKING, IceConnectionState.CLOSED);
    } else {
      assertThat(dtlsError.reason()).isEqualTo(DtlsTransportFailure.STOPPED);
      assertThat(a.ice.state()).as("stopping DTLS leaves ICE running")
          .isEqualTo(IceConnectionState.CHECKING);
    }
    assertThat(a.dtlsStates.values()).containsExactly(DtlsTransportState.NEW,
        DtlsTransportState.CONNECTING, DtlsTransportState.CLOSED);

    // the peer never had a pair: its connect timeout ends its starts
    IceTransportException timeout = Outcomes.failure(iceB, TestPeer.WAIT,
        IceTransportException.class);
    assertThat(timeout.reason()).isEqualTo(IceTransportFailure.CONNECT_TIMEOUT);
    assertThat(b.ice.failureCause()).hasValueSatisfying(
        e -> assertThat(e.reason()).isEqualTo(IceTransportFailure.CONNECT_TIMEOUT));
    DtlsTransportException followed = Outcomes.failure(dtlsB, PROMPTLY,
        DtlsTransportException.class);
    assertThat(followed.reason()).isEqualTo(DtlsTransportFailure.ICE_FAILED);
    // the start fails as state() changes; the emission follows
    assertThat(b.dtlsStates.await(DtlsTransportState.FAILED, TestPeer.WAIT)).isTrue();
    assertThat(b.dtlsStates.values()).containsExactly(DtlsTransportState.NEW,
        DtlsTransportState.CONNECTING, DtlsTransportState.FAILED);
    assertStopIsIdempotent(a);
  }

  /**
   * ICE connected; only the DTLS client started, so its handshake waits for a server that
   * never answers. The stop ends that start; the peer notices the loss of consent.
   */
  @ParameterizedTest(name = "stop {0}")
  @EnumSource(Stop.class)
  void stopDuringTheDtlsHandshake(Stop what) throws Exception {
    call = new TestCall();
    TestPeer server = call.controlling;
    TestPeer client = call.controlled;
    Outcomes.success(TestCall.connectIce(server, client));
    CompletableFuture<Void> handshake = client.dtls.startAsync(server.dtls.getLocalParameters());
    assertThat(client.dtls.role()).as("the handshake began").isPresent();

    stop(client, what);

    DtlsTransportException error =
        Outcomes.failure(handshake, PROMPTLY, DtlsTransportException.class);
    assertThat(error.reason()).isEqualTo(
        what == Stop.ICE ? DtlsTransportFailure.ICE_CLOSED : DtlsTransportFailure.STOPPED);
    assertThat(client.dtlsStates.values()).containsExactly(DtlsTransportState.NEW,
        DtlsTransportState.CONNECTING, DtlsTransportState.CLOSED);
    client.ice.stop(); // hang up

    assertThat(server.iceStates.await(IceConnectionState.DISCONNECTED, TestPeer.WAIT))
        .as("the peer's consent checks notice").isTrue();
    assertStopIsIdempotent(client);
  }

  /** After connect, DTLS stop sends close_notify: the peer is CLOSED, not FAILED. */
  @Test
  void dtlsStopAfterConnectClosesThePeer() throws Exception {
    call = new TestCall();
    TestPeer a = call.controlling;
    TestPeer b = call.controlled;
    Outcomes.success(call.connect());

    a.dtls.stop();

    assertThat(b.dtlsStates.await(DtlsTransportState.CLOSED, TestPeer.WAIT))
        .as("close_notify reached the peer").isTrue();
    List<DtlsTransportState> sequence = List.of(DtlsTransportState.NEW,
        DtlsTransportState.CONNECTING, DtlsTransportState.CONNECTED, DtlsTransportState.CLOSED);
    assertThat(b.dtlsStates.values()).isEqualTo(sequence);
    assertThat(b.dtlsStates.awaitCompletion(TestPeer.WAIT)).isTrue();
    assertThat(b.ice.state().isConnected()).as("ICE stays up").isTrue();
    assertThatThrownBy(() -> b.dtls.writeRtp(OrtcCallTest.packet(1, 1)))
        .isInstanceOf(InvalidStateException.class);
    assertStopIsIdempotent(a);
    assertThat(a.dtlsStates.values()).isEqualTo(sequence);
  }

  /**
   * The stop lands anywhere in a handshake of a few milliseconds, repeatedly: whether the start
   * had completed or not, it is settled within 1 s, the state ends CLOSED, and CONNECTED never
   * follows CLOSED.
   */
  @Test
  void stopRacingTheHandshakeNeverLeavesAStartPendingOrConnectsAfterClosed() throws Exception {
    for (int round = 0; round < 10; round++) {
      call = new TestCall();
      TestPeer a = call.controlling;
      TestPeer b = call.controlled;
      Outcomes.success(TestCall.connectIce(a, b));
      CompletableFuture<Void> startA = a.dtls.startAsync(b.dtls.getLocalParameters());
      CompletableFuture<Void> startB = b.dtls.startAsync(a.dtls.getLocalParameters());
      boolean aFirst = round % 2 == 0;

      // the side that stops first settles at once; the other one settles when it stops too
      // (with ICE still up, it could only learn of an aborted handshake by its own timeouts)
      (aFirst ? a : b).dtls.stop();
      assertSettlesPromptly(aFirst ? startA : startB);
      (aFirst ? b : a).dtls.stop();
      assertSettlesPromptly(aFirst ? startB : startA);

      for (TestPeer peer : List.of(a, b)) {
        assertThat(peer.dtlsStates.values()).as("round %d, %s", round, peer.name)
            .endsWith(DtlsTransportState.CLOSED).containsOnlyOnce(DtlsTransportState.CLOSED)
            .doesNotHaveDuplicates();
        assertThat(peer.dtls.state()).isEqualTo(DtlsTransportState.CLOSED);
      }
      call.close();
      call = null;
    }
  }

  /** Completed already, or failing with a DTLS error within 1 s. */
  private static void assertSettlesPromptly(CompletableFuture<Void> start) throws Exception {
    try {
      start.get(PROMPTLY.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(DtlsTransportException.class);
    }
  }

  /** Threads stopping the same connected transports at once: one CLOSED each, no error. */
  @Test
  void concurrentStopsEmitClosedOnce() throws Exception {
    call = new TestCall();
    TestPeer a = call.controlling;
    Outcomes.success(call.connect());
    CountDownLatch go = new CountDownLatch(1);
    List<CompletableFuture<Void>> stops = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Runnable stop = i % 2 == 0 ? a.dtls::stop : a.ice::stop;
      stops.add(CompletableFuture.runAsync(() -> {
        try {
          go.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        stop.run();
      }));
    }
    go.countDown();
    CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new))
        .get(TestPeer.WAIT.toSeconds(), TimeUnit.SECONDS);

    assertThat(a.dtlsStates.awaitCompletion(TestPeer.WAIT)).isTrue();
    assertThat(a.dtlsStates.values()).containsExactly(DtlsTransportState.NEW,
        DtlsTransportState.CONNECTING, DtlsTransportState.CONNECTED, DtlsTransportState.CLOSED);
    assertThat(a.iceStates.awaitCompletion(TestPeer.WAIT)).isTrue();
    assertThat(a.iceStates.values()).containsOnlyOnce(IceConnectionState.CLOSED)
        .endsWith(IceConnectionState.CLOSED);
  }

  private static void stop(TestPeer peer, Stop what) {
    if (what == Stop.ICE) {
      peer.ice.stop();
    } else {
      peer.dtls.stop();
    }
  }

  /** Stopping again changes nothing: one CLOSED, nothing after it, starts refused. */
  static void assertStopIsIdempotent(TestPeer peer) {
    List<DtlsTransportState> before = peer.dtlsStates.values();
    peer.dtls.stop();
    peer.dtls.stop();
    peer.ice.stop();
    peer.ice.stop();
    assertThat(peer.dtlsStates.values()).isEqualTo(before)
        .containsOnlyOnce(DtlsTransportState.CLOSED).endsWith(DtlsTransportState.CLOSED);
    assertThat(peer.dtlsStates.completed()).isTrue();
    assertThat(peer.iceStates.values()).containsOnlyOnce(IceConnectionState.CLOSED)
        .endsWith(IceConnectionState.CLOSED);
    assertThat(peer.dtls.state()).isEqualTo(DtlsTransportState.CLOSED);
    assertThatThrownBy(() -> peer.dtls.startAsync(peer.dtls.getLocalParameters()))
        .isInstanceOf(InvalidStateException.class);
  }
}
