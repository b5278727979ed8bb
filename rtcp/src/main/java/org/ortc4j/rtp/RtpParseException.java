package org.ortc4j.rtp;

import java.util.Objects;

/**
 * Thrown when bytes are not a well-formed RTP packet or header.
 *
 * <p>Malformed input is routine on a network, so this exception is cheap: it carries no stack
 * trace. The {@link #reason()} says what was wrong; the message says where.
 */
public final class RtpParseException extends Exception {
  private static final long serialVersionUID = 1L;

  /** What made the bytes unacceptable, in the order the checks run. */
  public enum Reason {
    /** Fewer than the 12 bytes of the fixed header. */
    TOO_SHORT,
    /** The version field is not 2. */
    BAD_VERSION,
    /** The CSRC count asks for more CSRCs than there are bytes. */
    BAD_CSRC_COUNT,
    /**
     * The X bit is set but the extension header or its declared length runs past the end of the
     * input, or an RFC 8285 element runs past the end of the extension, or two elements share an
     * id.
     */
    BAD_EXTENSION,
    /**
     * The P bit is set but the padding count (the last byte) is zero or larger than the bytes
     * after the header.
     */
    BAD_PADDING
  }

  private final Reason reason;

  /**
   * @param reason what was wrong
   * @param message where, in words a person reading a log understands
   */
  public RtpParseException(Reason reason, String message) {
    super(Objects.requireNonNull(reason, "reason") + ": " + message, null, false, false);
    this.reason = reason;
  }

  /** What made the bytes unacceptable. */
  public Reason reason() {
    return reason;
  }
}
