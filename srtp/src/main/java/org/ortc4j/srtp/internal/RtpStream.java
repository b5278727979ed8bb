package org.ortc4j.srtp.internal;

/**
 * The state of one SRTP stream (one SSRC) in one direction: the highest packet index seen, from
 * which rollover counter and index of the next packet are estimated, and the replay window of
 * an inbound stream.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3711#section-3.3.1">RFC 3711 §3.3.1</a>
 */
public final class RtpStream {
  /** The largest packet index a key may protect: ROC and SEQ both at their maximum. */
  public static final long MAX_INDEX = (1L << 48) - 1;

  private final ReplayWindow window;
  private long highest;

  /**
   * A stream whose highest index so far is {@code highest}.
   *
   * @param window the replay window of an inbound stream, or null for an outbound one
   */
  public RtpStream(long highest, ReplayWindow window) {
    this.highest = highest;
    this.window = window;
  }

  /** The replay window, or null for an outbound stream. */
  public ReplayWindow window() {
    return window;
  }

  /** The rollover counter of the highest index so far. */
  public long rolloverCounter() {
    return highest >>> 16;
  }

  /**
   * The packet index of sequence number {@code seq}: the ROC v of RFC 3711 Appendix A is the one
   * that puts the index closest to the highest so far. Never below zero (as libsrtp, a stream
   * that starts with a small index cannot go back past ROC 0); may exceed {@link #MAX_INDEX}.
   *
   * @see <a href="https://www.rfc-editor.org/rfc/rfc3711#appendix-A">RFC 3711 Appendix A</a>
   */
  public long estimate(int seq) {
    return estimate(highest, seq);
  }

  /** {@link #estimate(int)} relative to a given highest index. */
  public static long estimate(long highest, int seq) {
    long roc = highest >>> 16;
    int last = (int) (highest & 0xffff);
    long v;
    if (last < 0x8000) {
      v = seq - last > 0x8000 ? roc - 1 : roc;
    } else {
      v = last - 0x8000 > seq ? roc + 1 : roc;
    }
    return (Math.max(v, 0) << 16) | seq;
  }

  /** Records that the packet with {@code index} was protected or authenticated. */
  public void commit(long index) {
    if (index > highest) {
      highest = index;
    }
    if (window != null) {
      window.accept(index);
    }
  }
}
