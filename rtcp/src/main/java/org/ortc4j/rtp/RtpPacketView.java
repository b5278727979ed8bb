package org.ortc4j.rtp;

import java.util.Objects;
import org.ortc4j.rtcp.internal.FieldChecks;

/**
 * A reusable view of an RTP packet inside a byte array, for hot paths (SRTP, forwarding): it
 * reads and patches the header in place and allocates nothing.
 *
 * <pre>{@code
 * RtpPacketView view = new RtpPacketView();   // one per thread, reused for every packet
 * if (!view.wrap(datagram, 0, length)) {
 *   return;                                   // not RTP: drop, count, log
 * }
 * int sequence = view.sequenceNumber();
 * view.setSsrc(outgoingSsrc);                 // writes into datagram
 * }</pre>
 *
 * <p>{@link #wrap} accepts exactly the bytes {@link RtpPacket#parse(byte[], int, int)} accepts
 * (same checks, same order; {@link #validate} returns the same verdict as a code). {@link
 * #wrapFraming} skips only the walk over RFC 8285 extension elements, for a layer that must pass
 * packets on whatever their extension elements look like. Neither throws for any content of the
 * bytes, and no accessor reads or writes outside the wrapped range.
 *
 * <p>The structure (CSRC count, extension position, header, payload and padding lengths) is
 * captured by {@code wrap}; the fixed fields (marker, payload type, sequence number, timestamp,
 * SSRC) and the CSRCs are read from and written to the array each time. Wrap again after
 * changing the structure behind the view's back. Offsets returned are absolute indices into
 * {@link #buffer()}.
 *
 * <p>A view is mutable and not thread-safe. Accessors of a view that wraps nothing (before the
 * first successful wrap, after a failed one, or after {@link #clear()}) throw {@link
 * IllegalStateException}.
 *
 * @see RtpHeader for the wire format
 */
public final class RtpPacketView {
  private byte[] buffer;
  private int offset;
  private int length;
  private int headerLength;
  private int paddingLength;
  private int csrcCount;
  private int extensionProfile = -1;
  private int extensionOffset = -1;
  private int extensionLength;

  /** A view that wraps nothing yet. */
  public RtpPacketView() {}

  /**
   * Checks {@code buffer[offset, offset + length)} the way {@link RtpPacket#parse(byte[], int,
   * int)} does, without throwing or allocating.
   *
   * @return the header length (12 or more) if the bytes are a well-formed packet, else a negative
   *     failure code for {@link #reason(int)} and {@link #describe(int)}
   * @throws IllegalArgumentException if the range is outside {@code buffer} (a caller's mistake,
   *     not malformed input)
   */
  public static int validate(byte[] buffer, int offset, int length) {
    RtpWire.checkRange(buffer, offset, length);
    return RtpWire.validate(buffer, offset, length);
  }

  /**
   * Like {@link #validate} but does not walk the RFC 8285 extension elements: the fixed header,
   * CSRCs, extension length and padding are checked, the extension content is not.
   */
  public static int validateFraming(byte[] buffer, int offset, int length) {
    RtpWire.checkRange(buffer, offset, length);
    return RtpWire.validateFraming(buffer, offset, length);
  }

  /**
   * The parse failure a negative code from {@link #validate} stands for: the reason {@link
   * RtpPacket#parse} throws for the same bytes.
   *
   * @throws IllegalArgumentException if {@code code} is not a failure code
   */
  public static RtpParseException.Reason reason(int code) {
    return RtpWire.reason(code);
  }

  /**
   * A failure code in words, for logs.
   *
   * @throws IllegalArgumentException if {@code code} is not a failure code
   */
  public static String describe(int code) {
    return RtpWire.describe(code);
  }

  /**
   * Wraps {@code buffer[offset, offset + length)} if it is a well-formed RTP packet ({@link
   * #validate}); otherwise the view wraps nothing.
   *
   * @return whether the bytes were accepted
   * @throws IllegalArgumentException if the range is outside {@code buffer}
   */
  public boolean wrap(byte[] buffer, int offset, int length) {
    return attach(buffer, offset, length, validate(buffer, offset, length));
  }

  /** Like {@link #wrap} but with the checks of {@link #validateFraming}. */
  public boolean wrapFraming(byte[] buffer, int offset, int length) {
    return attach(buffer, offset, length, validateFraming(buffer, offset, length));
  }

  /** Whether the view wraps a packet. */
  public boolean isWrapped() {
    return buffer != null;
  }

  /** Lets go of the wrapped array. */
  public void clear() {
    buffer = null;
  }

  /**
   * Converts the wrapped bytes into an immutable packet (copying them).
   *
   * @throws RtpParseException only after {@link #wrapFraming}, if the extension elements are
   *     malformed (or the bytes changed since the wrap)
   */
  public RtpPacket toPacket() throws RtpParseException {
    requireWrapped();
    return RtpPacket.parse(buffer, offset, length);
  }

  /** The wrapped array. */
  public byte[] buffer() {
    requireWrapped();
    return buffer;
  }

  /** Where the packet starts in {@link #buffer()}. */
  public int offset() {
    requireWrapped();
    return offset;
  }

  /** The packet's size in bytes, padding included. */
  public int length() {
    requireWrapped();
    return length;
  }

  /** The version field: always 2 for a wrapped packet. */
  public int version() {
    return (firstByte() & 0xFF) >>> 6;
  }

  /** Whether the P bit was set when wrapped. */
  public boolean hasPadding() {
    requireWrapped();
    return paddingLength > 0;
  }

  /** Whether the X bit was set when wrapped. */
  public boolean hasExtension() {
    requireWrapped();
    return extensionOffset >= 0;
  }

  /** The CC field when wrapped: the number of CSRCs. */
  public int csrcCount() {
    requireWrapped();
    return csrcCount;
  }

  /**
   * The CSRC at {@code index}, as a {@code long} in {@code [0, 2^32)}.
   *
   * @throws IndexOutOfBoundsException unless {@code 0 <= index < csrcCount()}
   */
  public long csrc(int index) {
    requireWrapped();
    Objects.checkIndex(index, csrcCount);
    return RtpWire.u32(buffer, offset + RtpWire.FIXED_HEADER_LENGTH + 4 * index);
  }

  /** The M bit. */
  public boolean marker() {
    requireWrapped();
    return (buffer[offset + 1] & 0x80) != 0;
  }

  /** The 7-bit payload type. */
  public int payloadType() {
    requireWrapped();
    return buffer[offset + 1] & 0x7F;
  }

  /** The 16-bit sequence number. */
  public int sequenceNumber() {
    requireWrapped();
    return RtpWire.u16(buffer, offset + 2);
  }

  /** The RTP timestamp, as a {@code long} in {@code [0, 2^32)}. */
  public long timestamp() {
    requireWrapped();
    return RtpWire.u32(buffer, offset + 4);
  }

  /** The SSRC, as a {@code long} in {@code [0, 2^32)}. */
  public long ssrc() {
    requireWrapped();
    return RtpWire.u32(buffer, offset + 8);
  }

  /** The header's size on the wire: fixed part, CSRCs and extension. */
  public int headerLength() {
    requireWrapped();
    return headerLength;
  }

  /** Where the payload starts in {@link #buffer()}. */
  public int payloadOffset() {
    requireWrapped();
    return offset + headerLength;
  }

  /** The payload's size, without the padding. */
  public int payloadLength() {
    requireWrapped();
    return length - headerLength - paddingLength;
  }

  /** The padding's size, count byte included; 0 when the P bit is clear. */
  public int paddingLength() {
    requireWrapped();
    return paddingLength;
  }

  /** The extension's 16-bit profile field, or -1 when there is no extension. */
  public int extensionProfile() {
    requireWrapped();
    return extensionProfile;
  }

  /**
   * Where the extension's content starts in {@link #buffer()} (after its 4-byte profile and
   * length), or -1 when there is no extension.
   */
  public int extensionOffset() {
    requireWrapped();
    return extensionOffset;
  }

  /** The extension content's size in bytes (a multiple of 4); 0 when there is no extension. */
  public int extensionLength() {
    requireWrapped();
    return extensionLength;
  }

  /** Sets or clears the M bit in place. */
  public RtpPacketView setMarker(boolean marker) {
    requireWrapped();
    int second = buffer[offset + 1] & 0x7F;
    buffer[offset + 1] = (byte) (marker ? second | 0x80 : second);
    return this;
  }

  /**
   * Writes the payload type in place.
   *
   * @throws IllegalArgumentException unless {@code 0 <= payloadType <= 127}
   */
  public RtpPacketView setPayloadType(int payloadType) {
    requireWrapped();
    FieldChecks.range(payloadType, 0, 127, "payloadType");
    buffer[offset + 1] = (byte) ((buffer[offset + 1] & 0x80) | payloadType);
    return this;
  }

  /**
   * Writes the sequence number in place.
   *
   * @throws IllegalArgumentException unless it is an unsigned 16-bit value
   */
  public RtpPacketView setSequenceNumber(int sequenceNumber) {
    requireWrapped();
    RtpWire.putU16(buffer, offset + 2, FieldChecks.u16(sequenceNumber, "sequenceNumber"));
    return this;
  }

  /**
   * Writes the timestamp in place.
   *
   * @throws IllegalArgumentException unless it is in {@code [0, 2^32)}
   */
  public RtpPacketView setTimestamp(long timestamp) {
    requireWrapped();
    RtpWire.putU32(buffer, offset + 4, FieldChecks.u32(timestamp, "timestamp"));
    return this;
  }

  /**
   * Writes the SSRC in place.
   *
   * @throws IllegalArgumentException unless it is in {@code [0, 2^32)}
   */
  public RtpPacketView setSsrc(long ssrc) {
    requireWrapped();
    RtpWire.putU32(buffer, offset + 8, FieldChecks.u32(ssrc, "ssrc"));
    return this;
  }

  private boolean attach(byte[] buffer, int offset, int length, int headerLength) {
    if (headerLength < 0) {
      this.buffer = null;
      return false;
    }
    this.buffer = buffer;
    this.offset = offset;
    this.length = length;
    this.headerLength = headerLength;
    this.paddingLength = RtpWire.paddingLength(buffer, offset, length, headerLength);
    this.csrcCount = buffer[offset] & 0x0F;
    captureExtension();
    return true;
  }

  private void captureExtension() {
    if ((buffer[offset] & 0x10) == 0) {
      extensionProfile = -1;
      extensionOffset = -1;
      extensionLength = 0;
      return;
    }
    int start = RtpWire.extensionStart(buffer, offset);
    extensionProfile = RtpWire.u16(buffer, start);
    extensionOffset = start + RtpHeaderExtension.HEADER_LENGTH;
    extensionLength = offset + headerLength - extensionOffset;
  }

  private byte firstByte() {
    requireWrapped();
    return buffer[offset];
  }

  private void requireWrapped() {
    if (buffer == null) {
      throw new IllegalStateException("the view wraps no packet");
    }
  }
}
