package org.ortc4j.rtcp;

/**
 * The 2-bit packet status symbol of transport-wide congestion control feedback: whether a packet
 * arrived, and if so how its receive delta is encoded.
 *
 * @see TransportWideCcFeedback
 * @see <a
 *     href="https://datatracker.ietf.org/doc/html/draft-holmer-rmcat-transport-wide-cc-extensions-01#section-3.1.1">
 *     draft-holmer-rmcat-transport-wide-cc-extensions-01 §3.1.1</a>
 */
public enum TwccStatusSymbol {
  /** 00: the packet has not arrived (yet); it has no receive delta. */
  NOT_RECEIVED(0, 0),
  /** 01: received, with a 1-byte unsigned receive delta (0 to 63.75 ms). */
  RECEIVED_SMALL_DELTA(1, 1),
  /** 10: received, with a 2-byte signed receive delta (-8192 to 8191.75 ms). */
  RECEIVED_LARGE_DELTA(2, 2),
  /**
   * 11: reserved. Tolerated only where a chunk describes more statuses than the packet status count
   * asks for, since those are ignored.
   */
  RESERVED(3, 0);

  private static final TwccStatusSymbol[] BY_CODE = values();

  private final int code;
  private final int deltaSize;

  TwccStatusSymbol(int code, int deltaSize) {
    this.code = code;
    this.deltaSize = deltaSize;
  }

  /** The symbol's 2-bit wire value. */
  public int code() {
    return code;
  }

  /** Bytes of receive delta this status carries: 0, 1 or 2. */
  public int deltaSize() {
    return deltaSize;
  }

  /** Whether the status says the packet arrived (and so has a receive delta). */
  public boolean received() {
    return this == RECEIVED_SMALL_DELTA || this == RECEIVED_LARGE_DELTA;
  }

  /**
   * The symbol with the 2-bit wire value {@code code}.
   *
   * @throws IllegalArgumentException if {@code code} is not in [0, 3]
   */
  public static TwccStatusSymbol ofCode(int code) {
    if (code < 0 || code > 3) {
      throw new IllegalArgumentException("a status symbol is 2 bits, was " + code);
    }
    return BY_CODE[code];
  }
}
