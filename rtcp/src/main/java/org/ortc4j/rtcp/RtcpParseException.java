package org.ortc4j.rtcp;

import java.util.Objects;

/**
 * Thrown when bytes are not a well-formed RTCP packet.
 *
 * <p>Malformed input is routine on a network, so this exception is cheap: it carries no stack
 * trace. The {@link #reason()} says what was wrong; the message says where.
 */
public final class RtcpParseException extends Exception {
  private static final long serialVersionUID = 1L;

  /** What made the bytes unacceptable. */
  public enum Reason {
    /** Fewer bytes than the fixed part of the packet, or than a field or item needs. */
    TOO_SHORT,
    /** The version field is not 2. */
    BAD_VERSION,
    /**
     * The declared length runs past the end of the input, or does not agree with the content
     * the packet type defines (bytes left over, or a structure that does not fit).
     */
    BAD_LENGTH,
    /** The padding bit is set but the padding count is zero or larger than the packet. */
    BAD_PADDING,
    /** A count field (reports, sources, chunks, statuses) does not agree with the length. */
    BAD_COUNT,
    /** The packet type or feedback format is not the one the parser was asked to read. */
    WRONG_TYPE,
    /** A field holds a value the specification does not allow. */
    BAD_VALUE,
    /** An SDES chunk or item is malformed (no terminating null item, item past the end). */
    BAD_SDES,
    /** An XR report block is malformed (block length past the end, wrong fixed size). */
    BAD_XR_BLOCK,
    /** A compound packet does not start with a Sender or Receiver Report (RFC 3550 §6.1). */
    NOT_COMPOUND,
    /** A packet other than the last one of a compound packet has its padding bit set. */
    PADDING_NOT_LAST
  }

  private final Reason reason;

  /**
   * @param reason what was wrong
   * @param message where, in words a person reading a log understands
   */
  public RtcpParseException(Reason reason, String message) {
    super(Objects.requireNonNull(reason, "reason") + ": " + message, null, false, false);
    this.reason = reason;
  }

  /** What made the bytes unacceptable. */
  public Reason reason() {
    return reason;
  }
}
