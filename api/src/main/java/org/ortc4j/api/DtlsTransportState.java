package org.ortc4j.api;

/**
 * The state of a {@link DtlsTransport}.
 *
 * <pre>
 *   NEW ──start()──> CONNECTING ──handshake done, SRTP keyed──> CONNECTED
 *                        │                                          │
 *                        └──failure, ICE failed──> FAILED <──alert──┤
 *                                                                   │
 *   any state ──stop(), ICE closed, peer's close_notify──> CLOSED <─┘
 * </pre>
 *
 * CLOSED is final: nothing follows it, in particular never CONNECTED. FAILED is left only for
 * CLOSED, by {@link DtlsTransport#stop()} or when the ICE transport closes.
 */
public enum DtlsTransportState {
  /** Created, not started. */
  NEW,
  /** Started: waiting for ICE, or in the handshake. */
  CONNECTING,
  /** The handshake succeeded and SRTP/SRTCP are keyed: media flows. */
  CONNECTED,
  /** Stopped, or closed by the peer or by the ICE transport. Final. */
  CLOSED,
  /** The handshake or the session failed; the cause is {@link DtlsTransport#failureCause()}. */
  FAILED
}
