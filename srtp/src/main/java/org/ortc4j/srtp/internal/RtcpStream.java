package org.ortc4j.srtp.internal;

/**
 * The state of one SRTCP stream (one sender SSRC) in one direction: the next index to send, or
 * the replay window of received indices.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3711#section-3.4">RFC 3711 §3.4</a>
 */
public final class RtcpStream {
  /** The largest SRTCP index: 31 bits. */
  public static final int MAX_INDEX = 0x7fffffff;

  private final ReplayWindow window;
  private long nextIndex;

  /**
   * A stream whose next outbound index is {@code nextIndex}.
   *
   * @param window the replay window of an inbound stream, or null for an outbound one
   */
  public RtcpStream(long nextIndex, ReplayWindow window) {
    this.nextIndex = nextIndex;
    this.window = window;
  }

  /** The replay window, or null for an outbound stream. */
  public ReplayWindow window() {
    return window;
  }

  /** The index the next protected packet gets; beyond {@link #MAX_INDEX} the key is spent. */
  public long nextIndex() {
    return nextIndex;
  }

  /** Records that {@code index} was protected (outbound) or authenticated (inbound). */
  public void commit(long index) {
    nextIndex = Math.max(nextIndex, index + 1);
    if (window != null) {
      window.accept(index);
    }
  }
}
