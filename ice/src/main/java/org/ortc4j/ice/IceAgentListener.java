package org.ortc4j.ice;

/**
 * Receives the events of an {@link IceAgent}. Every method has a no-op default.
 *
 * <p>Events of one agent arrive in order on one thread of that agent, never while the agent
 * holds a lock, so a listener may call the agent back. A state is never reported twice in a
 * row. A listener that throws is logged and ignored. Do not block for long: later events wait.
 */
public interface IceAgentListener {
  /** A local candidate was gathered; signal it to the peer. */
  default void onCandidate(IceCandidate candidate) {}

  /** Gathering finished; signal end-of-candidates to the peer. */
  default void onEndOfCandidates() {}

  /** The gathering state changed. */
  default void onGatheringStateChange(IceGatheringState state) {}

  /** The connection state changed. */
  default void onStateChange(IceConnectionState state) {}

  /** A pair was selected, or the selected pair changed. */
  default void onSelectedPairChange(IceCandidatePair pair) {}
}
