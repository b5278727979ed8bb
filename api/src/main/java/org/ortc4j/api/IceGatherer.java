package org.ortc4j.api;

import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.subjects.ReplaySubject;
import io.reactivex.rxjava3.subjects.Subject;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.ortc4j.api.internal.StateCell;
import org.ortc4j.ice.IceAgent;
import org.ortc4j.ice.IceAgentConfig;
import org.ortc4j.ice.IceAgentListener;
import org.ortc4j.ice.IceCandidate;
import org.ortc4j.ice.IceCandidatePair;
import org.ortc4j.ice.IceConnectionState;
import org.ortc4j.ice.IceGatheringState;
import org.ortc4j.ice.IceParameters;

/**
 * Gathers the local ICE candidates (host, server-reflexive, relay) and owns the ICE agent that
 * the {@link IceTransport} built on it runs its checks with: Pion's {@code ICEGatherer}, W3C
 * ORTC's {@code RTCIceGatherer}.
 *
 * <pre>
 *   NEW ──gather()──> GATHERING ──all harvests done──> COMPLETE
 *    └──────────────────┴──────────close()──────────────┴──> CLOSED
 * </pre>
 *
 * <p>Signal {@link #getLocalParameters()} and every candidate of {@link #candidates()} to the
 * peer; the stream completes at end-of-candidates, which is also worth signalling. Created by
 * {@link OrtcApi#newIceGatherer}. Thread-safe; streams deliver outside every lock.
 */
public final class IceGatherer implements AutoCloseable {
  private final IceAgent agent;
  private final StateCell<IceGatheringState> state =
      new StateCell<>(IceGatheringState.NEW, s -> s == IceGatheringState.CLOSED);
  private final Subject<IceCandidate> candidates =
      ReplaySubject.<IceCandidate>create().toSerialized();
  private final AtomicBoolean gathering = new AtomicBoolean();
  private final AtomicBoolean taken = new AtomicBoolean();
  private volatile IceTransport transport;

  IceGatherer(OrtcSettings settings, IceGatherOptions options) {
    IceAgentConfig config = settings.iceConfig().newBuilder()
        .iceServers(options.iceServers())
        .gatherPolicy(options.policy())
        .build();
    this.agent = IceAgent.create(config, new AgentEvents());
  }

  /**
   * Starts gathering and returns at once; candidates follow on {@link #candidates()}.
   *
   * @throws InvalidStateException if gathering was started before, or the gatherer is closed
   */
  public void gather() {
    if (state.get() == IceGatheringState.CLOSED) {
      throw new InvalidStateException("the gatherer is closed");
    }
    if (!gathering.compareAndSet(false, true)) {
      throw new InvalidStateException("gather() was called before");
    }
    agent.gather();
  }

  /** The ufrag and password to signal; available at once. */
  public IceParameters getLocalParameters() {
    return agent.localParameters();
  }

  /** The candidates gathered so far. */
  public List<IceCandidate> getLocalCandidates() {
    return agent.localCandidates();
  }

  /**
   * Every local candidate, those gathered before the subscription first; completes at
   * end-of-candidates (or when the gatherer closes first). Never errors. Candidates arrive on
   * the agent's event thread: do not block in the subscriber.
   */
  public Observable<IceCandidate> candidates() {
    return candidates.hide();
  }

  /** The gathering state now. */
  public IceGatheringState state() {
    return state.get();
  }

  /** The current state, then each change; completes after CLOSED; never errors. */
  public Observable<IceGatheringState> states() {
    return state.observe();
  }

  /**
   * Releases the agent: its sockets, threads and any transport running on it (which moves to
   * CLOSED). Idempotent.
   */
  @Override
  public void close() {
    if (!state.set(IceGatheringState.CLOSED)) {
      return;
    }
    candidates.onComplete();
    agent.close();
  }

  /** Binds the one transport this gatherer's agent serves. */
  void bind(IceTransport owner) {
    if (!taken.compareAndSet(false, true)) {
      throw new InvalidAccessException("the gatherer already serves another IceTransport");
    }
    this.transport = owner;
  }

  IceAgent agent() {
    return agent;
  }

  /** Routes the agent's events: gathering ones here, connection ones to the transport. */
  private final class AgentEvents implements IceAgentListener {
    @Override
    public void onCandidate(IceCandidate candidate) {
      candidates.onNext(candidate);
    }

    @Override
    public void onEndOfCandidates() {
      candidates.onComplete();
    }

    @Override
    public void onGatheringStateChange(IceGatheringState next) {
      state.compareAndSet(current -> current != IceGatheringState.CLOSED, next);
    }

    @Override
    public void onStateChange(IceConnectionState next) {
      IceTransport owner = transport;
      if (owner != null) {
        owner.onAgentState(next);
      }
    }

    @Override
    public void onSelectedPairChange(IceCandidatePair pair) {
      IceTransport owner = transport;
      if (owner != null) {
        owner.onSelectedPair(pair);
      }
    }
  }
}
