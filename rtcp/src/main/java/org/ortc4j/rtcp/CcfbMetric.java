package org.ortc4j.rtcp;

import org.ortc4j.rtcp.internal.FieldChecks;

/**
 * One 16-bit packet metric block of {@link CongestionControlFeedback}: whether an RTP packet
 * arrived, its ECN marking, and how long before the report timestamp it arrived.
 *
 * <pre>
 *  0                   1
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |R|ECN|  Arrival time offset    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>RFC 8888 sets ECN and ATO to zero when R is 0 and tells receivers to ignore them; they are
 * kept as sent anyway, so that such a block serializes back to the same bits.
 *
 * @param received R: the packet arrived
 * @param ecn the 2-bit ECN codepoint of the packet's IP header ({@link #ECN_NOT_ECT}, {@link
 *     #ECN_ECT_1}, {@link #ECN_ECT_0}, {@link #ECN_CE})
 * @param arrivalTimeOffset ATO: arrival time before the report timestamp in 1/1024 s, 0 to 8191,
 *     with {@link #ATO_OVER_RANGE} and {@link #ATO_UNAVAILABLE} as special values
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8888#section-3.1">RFC 8888 §3.1</a>
 */
public record CcfbMetric(boolean received, int ecn, int arrivalTimeOffset) {
  /** ECN 00: not ECN-capable transport (RFC 3168). */
  public static final int ECN_NOT_ECT = 0;

  /** ECN 01: ECT(1). */
  public static final int ECN_ECT_1 = 1;

  /** ECN 10: ECT(0). */
  public static final int ECN_ECT_0 = 2;

  /** ECN 11: congestion experienced. */
  public static final int ECN_CE = 3;

  /** ATO 0x1FFE: the packet arrived more than 8189/1024 s before the report timestamp. */
  public static final int ATO_OVER_RANGE = 0x1ffe;

  /** ATO 0x1FFF: arrival time unavailable, or after the report timestamp. */
  public static final int ATO_UNAVAILABLE = 0x1fff;

  /** A packet not received: all sixteen bits zero. */
  public static final CcfbMetric NOT_RECEIVED = new CcfbMetric(false, 0, 0);

  public CcfbMetric {
    FieldChecks.range(ecn, 0, 3, "ecn");
    FieldChecks.range(arrivalTimeOffset, 0, ATO_UNAVAILABLE, "arrivalTimeOffset");
  }

  /** A received packet. */
  public static CcfbMetric received(int ecn, int arrivalTimeOffset) {
    return new CcfbMetric(true, ecn, arrivalTimeOffset);
  }

  /** The block as its 16 wire bits. */
  public int encode() {
    return (received ? 0x8000 : 0) | ecn << 13 | arrivalTimeOffset;
  }

  /**
   * The block that 16 wire bits hold. Every value is some block.
   *
   * @throws IllegalArgumentException if {@code value} is not an unsigned 16-bit value
   */
  public static CcfbMetric decode(int value) {
    FieldChecks.u16(value, "metric block");
    return new CcfbMetric((value & 0x8000) != 0, (value >>> 13) & 3, value & ATO_UNAVAILABLE);
  }

  /** Whether the packet arrived and the offset is a measured time (not a special value). */
  public boolean hasArrivalTime() {
    return received && arrivalTimeOffset < ATO_OVER_RANGE;
  }

  /**
   * The offset in microseconds, rounded to the nearest (1/1024 s is not a whole number of them).
   *
   * @throws IllegalStateException unless {@link #hasArrivalTime()}
   */
  public long arrivalTimeOffsetMicros() {
    if (!hasArrivalTime()) {
      throw new IllegalStateException("no arrival time in " + this);
    }
    return (arrivalTimeOffset * 1_000_000L + 512) / 1024;
  }
}
