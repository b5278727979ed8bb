package org.ortc4j.srtp.internal;

import java.util.Arrays;
import org.ortc4j.srtp.SrtpStatus;

/**
 * A sliding window of packet indices already accepted, relative to the highest one (RFC 3711
 * §3.3.2). A bitmap used as a ring: bit {@code index mod size} stands for the index within
 * {@code size} of the highest.
 *
 * <p>{@link #check} before authentication, {@link #accept} only after it, so a forged packet
 * cannot move the window.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3711#section-3.3.2">RFC 3711 §3.3.2</a>
 */
public final class ReplayWindow {
  private final long[] bits;
  private final int mask;
  private long highest = -1;

  /** A window of {@code size} indices, a power of two of at least 64. */
  public ReplayWindow(int size) {
    if (size < 64 || Integer.bitCount(size) != 1) {
      throw new IllegalArgumentException("replay window must be a power of two >= 64: " + size);
    }
    this.bits = new long[size >>> 6];
    this.mask = size - 1;
  }

  /** The highest index accepted so far, or -1. */
  public long highest() {
    return highest;
  }

  /** OK, REPLAY_DUPLICATE or REPLAY_TOO_OLD for a packet carrying {@code index}. */
  public SrtpStatus check(long index) {
    if (index > highest) {
      return SrtpStatus.OK;
    }
    if (highest - index > mask) {
      return SrtpStatus.REPLAY_TOO_OLD;
    }
    return isSet(index) ? SrtpStatus.REPLAY_DUPLICATE : SrtpStatus.OK;
  }

  /** Records {@code index} as received; it must have passed {@link #check}. */
  public void accept(long index) {
    if (index > highest) {
      advanceTo(index);
    }
    int bit = (int) (index & mask);
    bits[bit >>> 6] |= 1L << bit;
  }

  private void advanceTo(long index) {
    if (highest < 0 || index - highest > mask) {
      Arrays.fill(bits, 0);
    } else {
      for (long i = highest + 1; i < index; i++) {
        int bit = (int) (i & mask);
        bits[bit >>> 6] &= ~(1L << bit);
      }
      int bit = (int) (index & mask);
      bits[bit >>> 6] &= ~(1L << bit);
    }
    highest = index;
  }

  private boolean isSet(long index) {
    int bit = (int) (index & mask);
    return (bits[bit >>> 6] & (1L << bit)) != 0;
  }
}
