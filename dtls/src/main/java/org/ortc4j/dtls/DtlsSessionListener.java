package org.ortc4j.dtls;

/**
 * Receives the events of a {@link DtlsSession}. Every method has a no-op default.
 *
 * <p>All calls come from the session's own thread, one at a time, never while the session
 * holds a lock, so a listener may call {@link DtlsSession#send} or {@link DtlsSession#close()}.
 * A listener that blocks stalls the session (including retransmissions): hand long work to
 * another thread. An exception thrown by a listener is caught and ignored.
 */
public interface DtlsSessionListener {
  /** The handshake completed; called before {@link DtlsSession#handshake()} completes. */
  default void onConnected(DtlsHandshakeResult result) {}

  /**
   * The handshake or the connected session failed. Not called for {@link
   * DtlsFailure#CLOSED_LOCALLY}: the caller closed the session itself.
   */
  default void onFailed(DtlsException failure) {}

  /** The peer sent close_notify after the handshake; the session is closed. */
  default void onClosedByPeer() {}

  /** One application data record from the peer; the array belongs to the listener. */
  default void onApplicationData(byte[] data) {}
}
