package org.ortc4j.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactivex.rxjava3.observers.TestObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.ortc4j.api.internal.StateCell;
import org.ortc4j.ice.IceConnectionState;
import org.ortc4j.ice.IceRole;

/**
 * The rules every state stream keeps (design.md §2): the current state replayed to a new
 * subscriber, no duplicate, never an error, completion after the final state, the order the
 * changes were made in, and delivery outside every lock so that a subscriber may call back in.
 * First on {@link StateCell} itself, then on real transports.
 */
class StateStreamTest {
  private static final int FINAL = -1;

  private static StateCell<Integer> cell() {
    return new StateCell<>(0, v -> v == FINAL);
  }

  @Test
  void lateSubscribersGetTheCurrentStateThenTheChanges() {
    StateCell<Integer> cell = cell();
    cell.set(1);
    cell.set(2);
    TestObserver<Integer> late = cell.observe().test();
    cell.set(3);

    late.assertValues(2, 3).assertNotComplete().assertNoErrors();
  }

  @Test
  void aValueEqualToTheCurrentOneIsNotEmittedAgain() {
    StateCell<Integer> cell = cell();
    TestObserver<Integer> observer = cell.observe().test();

    assertThat(cell.set(1)).isTrue();
    assertThat(cell.set(1)).isFalse();
    assertThat(cell.compareAndSet(v -> true, 1)).isFalse();
    cell.set(2);

    observer.assertValues(0, 1, 2);
  }

  @Test
  void aRefusedTransitionIsNotEmitted() {
    StateCell<Integer> cell = cell();
    TestObserver<Integer> observer = cell.observe().test();

    assertThat(cell.compareAndSet(v -> v > 5, 7)).isFalse();

    observer.assertValues(0);
    assertThat(cell.get()).isZero();
  }

  @Test
  void theStreamCompletesAfterTheFinalStateAndLateSubscribersGetItThenCompletion() {
    StateCell<Integer> cell = cell();
    TestObserver<Integer> early = cell.observe().test();
    cell.set(1);
    cell.set(FINAL);
    cell.set(5); // a cell's owner never does this; the streams already ended anyway

    early.assertValues(0, 1, FINAL).assertComplete().assertNoErrors();
    TestObserver<Integer> late = new StateCell<Integer>(FINAL, v -> v == FINAL).observe().test();
    late.assertValues(FINAL).assertComplete().assertNoErrors();
  }

  @Test
  void aSubscribersThrowDoesNotBreakTheStreamForOthers() {
    StateCell<Integer> cell = cell();
    List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
    cell.observe().subscribe(v -> {
      if (v == 1) {
        throw new IllegalStateException("a subscriber's bug");
      }
    }, errors::add);
    TestObserver<Integer> other = cell.observe().test();

    cell.set(1);
    cell.set(2);

    other.assertValues(0, 1, 2).assertNoErrors();
    assertThat(cell.get()).isEqualTo(2);
  }

  /**
   * A subscriber's own change is emitted after it returns, so every subscriber sees the changes
   * in the order they were made: 0, 1, 2 and never 0, 2, 1.
   */
  @Test
  void aChangeMadeBySubscriberIsEmittedAfterTheCurrentOneToEveryone() {
    StateCell<Integer> cell = cell();
    cell.observe().filter(v -> v == 1).subscribe(v -> cell.set(2));
    TestObserver<Integer> second = cell.observe().test();

    cell.set(1);

    second.assertValues(0, 1, 2);
  }

  /**
   * Threads change the value concurrently; the transition predicate runs under the cell's lock,
   * so recording there gives the order the changes were made in. Every subscriber sees exactly
   * that order.
   */
  @Test
  void concurrentChangesAreEmittedInTheOrderTheyWereMade() throws Exception {
    StateCell<Integer> cell = cell();
    List<Integer> made = Collections.synchronizedList(new ArrayList<>(List.of(0)));
    TestObserver<Integer> first = cell.observe().test();
    TestObserver<Integer> second = cell.observe().test();
    int threads = 4;
    int perThread = 500;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<CompletableFuture<Void>> runs = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int base = 1 + t * perThread;
        runs.add(CompletableFuture.runAsync(() -> {
          awaitQuietly(go);
          for (int i = 0; i < perThread; i++) {
            int next = base + i;
            cell.compareAndSet(current -> made.add(next), next);
          }
        }, pool));
      }
      go.countDown();
      CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }

    assertThat(made).hasSize(1 + threads * perThread);
    first.assertValueSequence(made).assertNoErrors();
    second.assertValueSequence(made).assertNoErrors();
  }

  /**
   * Emission holds no lock of the cell: while a subscriber is inside onNext, another thread
   * reads and changes the value without blocking.
   */
  @Test
  void emissionHoldsNoLock() throws Exception {
    StateCell<Integer> cell = cell();
    AtomicReference<Integer> seenByOtherThread = new AtomicReference<>();
    cell.observe().filter(v -> v == 1).subscribe(v -> {
      CompletableFuture<Void> other = CompletableFuture.runAsync(() -> {
        seenByOtherThread.set(cell.get());
        cell.set(2); // queued: this subscriber's drain loop emits it after we return
      });
      other.get(5, TimeUnit.SECONDS);
    });
    TestObserver<Integer> observer = cell.observe().test();

    cell.set(1);

    assertThat(seenByOtherThread.get()).isEqualTo(1);
    observer.assertValues(0, 1, 2);
  }

  /** A subscriber stopping both transports from inside onNext(CONNECTED) does not deadlock. */
  @Test
  void subscriberStoppingTheTransportsFromOnNextDoesNotDeadlock() throws Exception {
    try (TestCall call = new TestCall()) {
      TestPeer a = call.controlling;
      CompletableFuture<DtlsTransportState> seenInside = new CompletableFuture<>();
      a.dtls.states().filter(s -> s == DtlsTransportState.CONNECTED).subscribe(s -> {
        seenInside.complete(a.dtls.state());
        a.dtls.stop();
        a.ice.stop();
      });

      call.connect();

      assertThat(seenInside.get(TestPeer.WAIT.toSeconds(), TimeUnit.SECONDS))
          .isEqualTo(DtlsTransportState.CONNECTED);
      assertThat(a.dtlsStates.awaitCompletion(TestPeer.WAIT)).as("no deadlock").isTrue();
      assertThat(a.iceStates.awaitCompletion(TestPeer.WAIT)).isTrue();
      assertThat(a.dtlsStates.values()).containsExactly(DtlsTransportState.NEW,
          DtlsTransportState.CONNECTING, DtlsTransportState.CONNECTED, DtlsTransportState.CLOSED);
      assertThat(call.controlled.dtlsStates.await(DtlsTransportState.CLOSED, TestPeer.WAIT))
          .isTrue();
    }
  }

  /** The same from the ICE stream: stopping ICE on CONNECTED, on the agent's event thread. */
  @Test
  void subscriberStoppingIceFromOnNextDoesNotDeadlock() throws Exception {
    try (TestCall call = new TestCall()) {
      TestPeer a = call.controlling;
      CompletableFuture<IceConnectionState> seenInside = new CompletableFuture<>();
      a.ice.states().filter(IceConnectionState::isConnected).take(1).subscribe(s -> {
        seenInside.complete(a.ice.state());
        a.ice.stop();
      });

      call.connect();

      assertThat(seenInside.get(TestPeer.WAIT.toSeconds(), TimeUnit.SECONDS).isConnected())
          .isTrue();
      assertThat(a.iceStates.awaitCompletion(TestPeer.WAIT)).as("no deadlock").isTrue();
      assertThat(a.iceStates.values()).endsWith(IceConnectionState.CLOSED)
          .containsOnlyOnce(IceConnectionState.CLOSED);
      assertThat(a.dtlsStates.awaitCompletion(TestPeer.WAIT)).isTrue();
      assertThat(a.dtlsStates.values()).endsWith(DtlsTransportState.CLOSED)
          .doesNotHaveDuplicates();
    }
  }

  /**
   * Hanging up from inside onNext(FAILED), the usual reaction to a failure, keeps the real
   * reason: the start fails with it (not STOPPED), failureCause() keeps it, and CLOSED follows.
   */
  @Test
  void stoppingFromOnNextFailedKeepsTheFailureReason() throws Exception {
    try (TestCall call = new TestCall()) {
      TestPeer a = call.controlling;
      TestPeer b = call.controlled;
      for (TestPeer peer : List.of(a, b)) {
        peer.dtls.states().filter(s -> s == DtlsTransportState.FAILED).subscribe(s -> {
          peer.dtls.stop();
          peer.ice.stop();
        });
      }
      DtlsParameters forged = DtlsParameters.auto(RtcCertificate.generate().getFingerprints());
      TestCall.connectIce(a, b);
      CompletableFuture<Void> startA = a.dtls.startAsync(forged);
      b.dtls.startAsync(a.dtls.getLocalParameters());

      DtlsTransportException e =
          Outcomes.failure(startA, TestPeer.WAIT, DtlsTransportException.class);

      assertThat(e.reason()).isEqualTo(DtlsTransportFailure.FINGERPRINT_MISMATCH);
      assertThat(a.dtlsStates.awaitCompletion(TestPeer.WAIT)).isTrue();
      assertThat(a.dtlsStates.values()).containsExactly(DtlsTransportState.NEW,
          DtlsTransportState.CONNECTING, DtlsTransportState.FAILED, DtlsTransportState.CLOSED);
      assertThat(a.dtls.failureCause()).hasValueSatisfying(cause ->
          assertThat(cause.reason()).isEqualTo(DtlsTransportFailure.FINGERPRINT_MISMATCH));
      assertThat(a.iceStates.awaitCompletion(TestPeer.WAIT)).isTrue();
    }
  }

  /** The same on ICE: stopping from onNext(FAILED) leaves the start's CONNECT_TIMEOUT. */
  @Test
  void stoppingIceFromOnNextFailedKeepsTheFailureReason() throws Exception {
    OrtcSettings settings = TestPeer.settings().iceConnectTimeout(Duration.ofSeconds(2)).build();
    try (TestPeer a = new TestPeer("alone", settings); TestPeer b = new TestPeer("silent")) {
      a.ice.states().filter(s -> s == IceConnectionState.FAILED).subscribe(s -> a.ice.stop());
      a.gatherer.gather();

      CompletableFuture<?> start = a.startIce(b, IceRole.CONTROLLING);

      IceTransportException e = Outcomes.failure(start, TestPeer.WAIT,
          IceTransportException.class);
      assertThat(e.reason()).isEqualTo(IceTransportFailure.CONNECT_TIMEOUT);
      assertThat(a.iceStates.awaitCompletion(TestPeer.WAIT)).isTrue();
      assertThat(a.iceStates.values()).containsExactly(IceConnectionState.NEW,
          IceConnectionState.CHECKING, IceConnectionState.FAILED, IceConnectionState.CLOSED);
    }
  }

  /** Real transports keep the rules: replay, completion, a late subscriber after CLOSED. */
  @Test
  void realTransportsReplayAndCompleteAfterClosed() throws Exception {
    try (TestCall call = new TestCall()) {
      TestPeer a = call.controlling;
      Outcomes.success(call.connect());
      TestObserver<DtlsTransportState> late = a.dtls.states().test();
      TestObserver<IceConnectionState> lateIce = a.ice.states().test();
      late.assertValues(DtlsTransportState.CONNECTED).assertNotComplete();
      assertThat(lateIce.values()).hasSize(1).allMatch(IceConnectionState::isConnected);

      a.dtls.stop();
      a.ice.stop();

      late.assertValues(DtlsTransportState.CONNECTED, DtlsTransportState.CLOSED).assertComplete()
          .assertNoErrors();
      lateIce.awaitDone(5, TimeUnit.SECONDS).assertComplete().assertNoErrors();
      a.dtls.states().test().assertValues(DtlsTransportState.CLOSED).assertComplete();
      a.ice.states().test().assertValues(IceConnectionState.CLOSED).assertComplete();
      a.gatherer.states().test().assertValues(org.ortc4j.ice.IceGatheringState.CLOSED)
          .assertComplete();
      assertThat(a.dtlsStates.values()).doesNotHaveDuplicates();
      assertThat(a.iceStates.values()).doesNotHaveDuplicates();
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
