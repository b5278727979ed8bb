package org.ortc4j.ice;

/** The outcome of {@link IceConnection#send}: a status, not an exception, on the hot path. */
public enum IceSendStatus {
  /** Handed to the operating system. */
  SENT,
  /** No pair is selected yet (or consent failed): nothing was sent. */
  NOT_CONNECTED,
  /** The agent is closed. */
  CLOSED,
  /** The operating system refused the datagram (counted in {@code sendFailures}). */
  FAILED
}
