package org.ortc4j.ice;

/**
 * The connectivity state of an {@link IceAgent}, as the W3C {@code RTCIceTransportState}.
 *
 * <pre>
 *   NEW --start()--&gt; CHECKING --a pair selected--&gt; CONNECTED --end of candidates,
 *                       |                          |  ^        gathering complete--&gt; COMPLETED
 *                       |                          v  | consent back                    |
 *                       |                    DISCONNECTED &lt;---- no consent answer ------+
 *                       |                          |
 *                       +-- checks failed or ------+-- consent expired --&gt; FAILED
 *                           connect timeout
 *   any state --close()--&gt; CLOSED
 * </pre>
 *
 * <p>FAILED and CLOSED are final: a failed agent does not recover (an ICE restart is a new
 * agent).
 */
public enum IceConnectionState {
  /** {@link IceAgent#start} was not called yet. */
  NEW,
  /** Connectivity checks are running and no pair was selected yet. */
  CHECKING,
  /** A pair was selected and consent is fresh. */
  CONNECTED,
  /**
   * Connected, and nothing more is expected: local gathering is complete and the remote side
   * signalled the end of its candidates.
   */
  COMPLETED,
  /** The selected pair stopped answering consent checks for a while; it may come back. */
  DISCONNECTED,
  /** No pair ever succeeded, the connect timeout passed, or consent expired. Final. */
  FAILED,
  /** The agent was closed. Final. */
  CLOSED;

  /** Whether datagrams can flow over the selected pair in this state. */
  public boolean isConnected() {
    return this == CONNECTED || this == COMPLETED;
  }

  /** Whether no further state change can happen except {@link #CLOSED}. */
  public boolean isFinal() {
    return this == FAILED || this == CLOSED;
  }
}
