package org.ortc4j.api;

import io.reactivex.rxjava3.core.Observable;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.ortc4j.api.internal.Demultiplexer;
import org.ortc4j.api.internal.Futures;
import org.ortc4j.api.internal.StateCell;
import org.ortc4j.ice.IceAgent;
import org.ortc4j.ice.IceCandidate;
import org.ortc4j.ice.IceCandidatePair;
import org.ortc4j.ice.IceConnection;
import org.ortc4j.ice.IceConnectionState;
import org.ortc4j.ice.IceFailureReason;
import org.ortc4j.ice.IceGatheringState;
import org.ortc4j.ice.IceParameters;
import org.ortc4j.ice.IceRole;

/**
 * Runs ICE connectivity checks with the peer over its {@link IceGatherer}'s candidates and
 * carries the datagrams of the {@link DtlsTransport} above it: Pion's {@code ICETransport}, W3C
 * ORTC's {@code RTCIceTransport}.
 *
 * <pre>
 *   NEW ──start()──> CHECKING ──pair selected──> CONNECTED ──> COMPLETED
 *                       │                          │   ↑
 *                       │                no consent│   │consent again
 *                       │                          ↓   │
 *                       └──no pair, timeout──> FAILED <── DISCONNECTED
 *   any state ──stop(), gatherer closed──> CLOSED
 * </pre>
 *
 * <p>Remote candidates may be added before or after {@link #start}. The transport owns the
 * RFC 7983 demultiplexer of its connection: DTLS to the DTLS transport, SRTP/SRTCP to its media,
 * the rest dropped and counted. Created by {@link OrtcApi#newIceTransport}. Thread-safe; streams
 * deliver outside every lock, so a subscriber may call back in (even {@link #stop()}).
 */
public final class IceTransport {
  private final IceGatherer gatherer;
  private final IceAgent agent;
  private final Demultiplexer demultiplexer;
  private final StateCell<IceConnectionState> state =
      new StateCell<>(IceConnectionState.NEW, s -> s == IceConnectionState.CLOSED);
  private final StateCell<Optional<IceCandidatePair>> selected =
      new StateCell<>(Optional.empty(), p -> false);
  private final CompletableFuture<IceCandidatePair> connected = new CompletableFuture<>();
  private final Object lock = new Object();
  private IceParameters remote; // guarded by lock
  private boolean started; // guarded by lock
  private boolean dtlsClaimed; // guarded by lock
  private volatile IceTransportException failure;

  IceTransport(OrtcSettings settings, IceGatherer gatherer) {
    this.gatherer = Objects.requireNonNull(gatherer, "gatherer");
    gatherer.bind(this);
    this.agent = gatherer.agent();
    this.demultiplexer = new Demultiplexer(settings.earlyPacketLimit());
    agent.connection().setReceiver(demultiplexer);
    if (gatherer.state() == IceGatheringState.CLOSED) {
      state.set(IceConnectionState.CLOSED);
    }
  }

  /**
   * Starts the checks in {@code role} against the peer's {@code remote} parameters and returns
   * at once.
   *
   * @return completes with the selected pair once CONNECTED; fails with {@link
   *     IceTransportException} at once if the transport fails or is stopped first (never left
   *     pending: the connect timeout of the settings bounds it)
   * @throws InvalidStateException if started before, stopped, or the gatherer's {@link
   *     IceGatherer#gather()} was not called yet (that refusal leaves the transport NEW)
   */
  public CompletableFuture<IceCandidatePair> startAsync(IceParameters remote, IceRole role) {
    Objects.requireNonNull(remote, "remote");
    Objects.requireNonNull(role, "role");
    synchronized (lock) {
      if (state.get() == IceConnectionState.CLOSED) {
        throw new InvalidStateException("the ICE transport is stopped");
      }
      if (started) {
        throw new InvalidStateException("start() was called before");
      }
      started = true;
      this.remote = remote;
    }
    try {
      agent.start(role, remote);
    } catch (IllegalStateException e) {
      synchronized (lock) { // a refused start does not count: it may be retried after gather()
        started = false;
        this.remote = null;
      }
      throw new InvalidStateException("the ICE agent cannot start: " + e.getMessage());
    }
    return connected.copy();
  }

  /**
   * {@link #startAsync} and waits for CONNECTED.
   *
   * @return the selected pair
   * @throws IceTransportException if ICE failed or the transport was stopped first
   * @throws RtcTimeoutException if {@code timeout} passed first (the checks go on)
   */
  public IceCandidatePair start(IceParameters remote, IceRole role, Duration timeout) {
    return Futures.await(startAsync(remote, role), timeout, "ICE start");
  }

  /**
   * Adds a candidate signalled by the peer; before or after start.
   *
   * @throws InvalidStateException if the transport is stopped
   */
  public void addRemoteCandidate(IceCandidate candidate) {
    Objects.requireNonNull(candidate, "candidate");
    requireOpen();
    agent.addRemoteCandidate(candidate);
  }

  /** The peer signalled end-of-candidates: with no pair left, ICE may now fail early. */
  public void endOfRemoteCandidates() {
    requireOpen();
    agent.endOfRemoteCandidates();
  }

  private void requireOpen() {
    if (state.get() == IceConnectionState.CLOSED) {
      throw new InvalidStateException("the ICE transport is stopped");
    }
  }

  /** Our role now: the one given to start, or the other one after a role conflict (RFC 8445 §7.3.1.1). */
  public Optional<IceRole> role() {
    return agent.role();
  }

  /** The pair media flows on, once one is selected. */
  public Optional<IceCandidatePair> selectedPair() {
    return selected.get();
  }

  /** The selected pair now (if any), then each change. Never completes or errors. */
  public Observable<IceCandidatePair> selectedPairs() {
    return selected.observe().filter(Optional::isPresent).map(Optional::get);
  }

  /** Our ufrag and password (the gatherer's). */
  public IceParameters getLocalParameters() {
    return gatherer.getLocalParameters();
  }

  /** The peer's, once started. */
  public Optional<IceParameters> getRemoteParameters() {
    synchronized (lock) {
      return Optional.ofNullable(remote);
    }
  }

  /** The gatherer whose agent this transport runs. */
  public IceGatherer gatherer() {
    return gatherer;
  }

  /** The state now. */
  public IceConnectionState state() {
    return state.get();
  }

  /** The current state, then each change; completes after CLOSED; never errors. */
  public Observable<IceConnectionState> states() {
    return state.observe();
  }

  /** Why the transport failed, once FAILED (or why a start ended). */
  public Optional<IceTransportException> failureCause() {
    return Optional.ofNullable(failure);
  }

  /**
   * Stops the checks and frees the agent's sockets and threads (closing the gatherer too, as
   * Pion does): the state becomes CLOSED and a pending start fails at once. The peer notices by
   * consent freshness. Idempotent.
   */
  public void stop() {
    if (!state.set(IceConnectionState.CLOSED)) {
      return;
    }
    connected.completeExceptionally(
        new IceTransportException(IceTransportFailure.STOPPED, "stopped before connecting"));
    gatherer.close();
  }

  void onAgentState(IceConnectionState next) {
    if (next == IceConnectionState.FAILED) {
      failure = new IceTransportException(failureReason(), "ICE failed");
    }
    // state() changes before the start completes, so whoever waits on the start sees it; the
    // emission comes after, so a subscriber's stop() cannot replace the start's failure reason
    state.compareAndSetQueued(current -> current != IceConnectionState.CLOSED, next);
    if (next == IceConnectionState.FAILED) {
      connected.completeExceptionally(failure);
    } else if (next == IceConnectionState.CLOSED) {
      connected.completeExceptionally(
          new IceTransportException(IceTransportFailure.STOPPED, "closed before connecting"));
    } else if (next.isConnected()) {
      agent.selectedPair().ifPresent(connected::complete);
    }
    state.drain();
  }

  private IceTransportFailure failureReason() {
    IceFailureReason reason = agent.failureReason().orElse(IceFailureReason.CHECKS_FAILED);
    return switch (reason) {
      case CHECKS_FAILED -> IceTransportFailure.CHECKS_FAILED;
      case CONNECT_TIMEOUT -> IceTransportFailure.CONNECT_TIMEOUT;
      case CONSENT_EXPIRED -> IceTransportFailure.CONSENT_EXPIRED;
      case LOCAL_ERROR -> IceTransportFailure.LOCAL_ERROR;
    };
  }

  void onSelectedPair(IceCandidatePair pair) {
    selected.set(Optional.of(pair));
    if (state.get().isConnected()) { // ours, not the agent's: state() must agree with the start
      connected.complete(pair);
    }
  }

  /** Marks this transport as carrying a DTLS transport: there can be one. */
  void claimDtls() {
    synchronized (lock) {
      if (dtlsClaimed) {
        throw new InvalidStateException("the ICE transport already carries a DTLS transport");
      }
      dtlsClaimed = true;
    }
  }

  Demultiplexer demultiplexer() {
    return demultiplexer;
  }

  IceConnection connection() {
    return agent.connection();
  }

  /** Whether start() was called. */
  boolean isStarted() {
    synchronized (lock) {
      return started;
    }
  }
}
