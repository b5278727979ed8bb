package org.ortc4j.rtp;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.ortc4j.rtcp.internal.FieldChecks;

/**
 * A whole RTP packet as an immutable value: header, payload and padding.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|X|  CC   |M|     PT      |       sequence number         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * :            rest of the header (see RtpHeader)                 :
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * :                           payload                             :
 * |                               +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                               |  padding (when P is set) ...  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      ...      | padding count |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>When P is set, the last byte counts the padding bytes, itself included (RFC 3550 §5.1).
 * Serialization writes the padding as zeros followed by the count; parsing accepts any padding
 * content. So canonical packets (zero padding, canonical extension, see {@link
 * RtpHeaderExtension}) serialize back to the bytes they were parsed from.
 *
 * <p>For the hot path (SRTP, forwarding), {@link RtpPacketView} reads and patches packets in
 * place without allocating; it accepts exactly the bytes {@link #parse} accepts.
 *
 * @param header the header
 * @param payload the payload, without padding (copied in and out)
 * @param paddingLength bytes of padding, the count byte included: 0 (P clear) or 1..255
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3550#section-5.1">RFC 3550 §5.1</a>
 */
public record RtpPacket(RtpHeader header, byte[] payload, int paddingLength) {
  private static final int TO_STRING_BYTES = 32;

  public RtpPacket {
    if (header == null) {
      throw new IllegalArgumentException("header is null");
    }
    payload = FieldChecks.bytes(payload, Integer.MAX_VALUE, "payload");
    FieldChecks.padding(paddingLength);
    if ((long) header.headerLength() + payload.length + paddingLength > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("packet too large for a byte array");
    }
  }

  /** A packet without padding. */
  public RtpPacket(RtpHeader header, byte[] payload) {
    this(header, payload, 0);
  }

  /**
   * Parses the RTP packet that fills {@code data}.
   *
   * @throws RtpParseException if the bytes are not a well-formed packet
   */
  public static RtpPacket parse(byte[] data) throws RtpParseException {
    return parse(data, 0, data.length);
  }

  /**
   * Parses the RTP packet that fills {@code data[offset, offset + length)}.
   *
   * <p>Checks, in this order: the fixed header is there ({@link
   * RtpParseException.Reason#TOO_SHORT}), version 2 ({@code BAD_VERSION}), the CSRCs fit ({@code
   * BAD_CSRC_COUNT}), the extension header and its length fit and its RFC 8285 elements are well
   * formed ({@code BAD_EXTENSION}, see {@link RtpHeaderExtension}), and the padding count is 1 or
   * more and no larger than the bytes after the header ({@code BAD_PADDING}).
   *
   * @throws RtpParseException if the bytes are not a well-formed packet
   * @throws IllegalArgumentException if the range is outside {@code data}
   */
  public static RtpPacket parse(byte[] data, int offset, int length) throws RtpParseException {
    RtpWire.checkRange(data, offset, length);
    int headerLength = RtpWire.headerLength(data, offset, length);
    if (headerLength < 0) {
      throw RtpWire.failure(headerLength, "input of " + length + " bytes");
    }
    RtpHeader header = RtpHeader.decode(data, offset, headerLength);
    int padding = RtpWire.paddingLength(data, offset, length, headerLength);
    if (padding < 0) {
      throw RtpWire.failure(
          padding, "input of " + length + " bytes with a header of " + headerLength);
    }
    int payloadStart = offset + headerLength;
    byte[] payload = Arrays.copyOfRange(data, payloadStart, offset + length - padding);
    return new RtpPacket(header, payload, padding);
  }

  /** A copy of the payload. */
  @Override
  public byte[] payload() {
    return payload.clone();
  }

  /** The payload's size in bytes, without copying it. */
  public int payloadLength() {
    return payload.length;
  }

  /** The size of {@link #serialize()}'s output: header, payload and padding. */
  public int serializedLength() {
    return header.headerLength() + payload.length + paddingLength;
  }

  /**
   * Writes the packet at {@code offset}.
   *
   * @return the number of bytes written, {@link #serializedLength()}
   * @throws IllegalArgumentException if it does not fit
   */
  public int serialize(byte[] destination, int offset) {
    int length = serializedLength();
    RtpWire.checkRange(destination, offset, length);
    int position = offset + header.serialize(destination, offset);
    System.arraycopy(payload, 0, destination, position, payload.length);
    position += payload.length;
    if (paddingLength > 0) {
      destination[offset] |= 0x20;
      Arrays.fill(destination, position, position + paddingLength - 1, (byte) 0);
      destination[position + paddingLength - 1] = (byte) paddingLength;
    }
    return length;
  }

  /** The packet's wire form. */
  public byte[] serialize() {
    byte[] bytes = new byte[serializedLength()];
    serialize(bytes, 0);
    return bytes;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RtpPacket that
        && paddingLength == that.paddingLength
        && header.equals(that.header)
        && Arrays.equals(payload, that.payload);
  }

  @Override
  public int hashCode() {
    return Objects.hash(header, paddingLength) * 31 + Arrays.hashCode(payload);
  }

  @Override
  public String toString() {
    return "RtpPacket[header="
        + header
        + ", payload="
        + abbreviatedHex(payload)
        + ", paddingLength="
        + paddingLength
        + "]";
  }

  /** Hex of short payloads; the start and the size of long ones, which would swamp a log. */
  private static String abbreviatedHex(byte[] bytes) {
    if (bytes.length <= TO_STRING_BYTES) {
      return HexFormat.of().formatHex(bytes);
    }
    return HexFormat.of().formatHex(bytes, 0, TO_STRING_BYTES) + "...(" + bytes.length + " bytes)";
  }
}
