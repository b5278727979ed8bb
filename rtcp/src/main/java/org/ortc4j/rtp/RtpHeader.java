package org.ortc4j.rtp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ortc4j.rtcp.internal.FieldChecks;

/**
 * The header of an RTP packet, as an immutable value.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|X|  CC   |M|     PT      |       sequence number         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                           timestamp                           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           synchronization source (SSRC) identifier            |
 * +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * |            contributing source (CSRC) identifiers             |
 * |                    (CC of them, 0..15)                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   header extension when X is set (see RtpHeaderExtension)     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>The version is always 2, and CC and X follow from {@link #csrcs()} and {@link
 * #extension()}. The P bit belongs to the packet, not the header: {@link RtpPacket} carries the
 * padding, and {@link #serialize(byte[], int)} writes P as 0.
 *
 * @param marker the M bit
 * @param payloadType the 7-bit payload type, 0..127
 * @param sequenceNumber the 16-bit sequence number
 * @param timestamp the 32-bit RTP timestamp, as a {@code long} in {@code [0, 2^32)}
 * @param ssrc the synchronization source, as a {@code long} in {@code [0, 2^32)}
 * @param csrcs the contributing sources, at most 15, each in {@code [0, 2^32)} (immutable copy)
 * @param extension the header extension, or {@code null} when there is none (X bit clear); an
 *     extension without elements is not the same as none: it still takes 4 bytes and sets X
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3550#section-5.1">RFC 3550 §5.1</a>
 */
public record RtpHeader(
    boolean marker,
    int payloadType,
    int sequenceNumber,
    long timestamp,
    long ssrc,
    List<Long> csrcs,
    RtpHeaderExtension extension) {
  /** The only RTP version there is. */
  public static final int VERSION = RtpWire.VERSION;
  /** The size of the fixed part: everything up to the SSRC. */
  public static final int FIXED_LENGTH = RtpWire.FIXED_HEADER_LENGTH;
  /** The most CSRCs the 4-bit CC field counts. */
  public static final int MAX_CSRCS = 15;

  public RtpHeader {
    FieldChecks.range(payloadType, 0, 127, "payloadType");
    FieldChecks.u16(sequenceNumber, "sequenceNumber");
    FieldChecks.u32(timestamp, "timestamp");
    FieldChecks.u32(ssrc, "ssrc");
    csrcs = checkedCsrcs(csrcs);
  }

  /** A header without CSRCs or extension. */
  public RtpHeader(
      boolean marker, int payloadType, int sequenceNumber, long timestamp, long ssrc) {
    this(marker, payloadType, sequenceNumber, timestamp, ssrc, List.of(), null);
  }

  /**
   * Parses the header at the start of {@code data}; the payload and padding after it are not
   * looked at (use {@link RtpPacket#parse(byte[])} for a whole packet).
   *
   * @throws RtpParseException if the bytes do not start with a well-formed header
   */
  public static RtpHeader parse(byte[] data) throws RtpParseException {
    return parse(data, 0, data.length);
  }

  /**
   * Parses the header at the start of {@code data[offset, offset + length)}; the payload and
   * padding after it are not looked at, nor is the P bit.
   *
   * @throws RtpParseException {@link RtpParseException.Reason#TOO_SHORT}, {@code BAD_VERSION},
   *     {@code BAD_CSRC_COUNT} or {@code BAD_EXTENSION}
   * @throws IllegalArgumentException if the range is outside {@code data}
   */
  public static RtpHeader parse(byte[] data, int offset, int length) throws RtpParseException {
    RtpWire.checkRange(data, offset, length);
    int headerLength = RtpWire.headerLength(data, offset, length);
    if (headerLength < 0) {
      throw RtpWire.failure(headerLength, "input of " + length + " bytes");
    }
    return decode(data, offset, headerLength);
  }

  /** Reads a header whose framing {@link RtpWire#headerLength} accepted. */
  static RtpHeader decode(byte[] buffer, int offset, int headerLength) throws RtpParseException {
    int first = buffer[offset] & 0xFF;
    int second = buffer[offset + 1] & 0xFF;
    List<Long> csrcs = new ArrayList<>(first & 0x0F);
    for (int i = 0; i < (first & 0x0F); i++) {
      csrcs.add(RtpWire.u32(buffer, offset + FIXED_LENGTH + 4 * i));
    }
    RtpHeaderExtension extension =
        (first & 0x10) == 0
            ? null
            : RtpHeaderExtension.decode(
                buffer, RtpWire.extensionStart(buffer, offset), offset + headerLength);
    return new RtpHeader(
        (second & 0x80) != 0,
        second & 0x7F,
        RtpWire.u16(buffer, offset + 2),
        RtpWire.u32(buffer, offset + 4),
        RtpWire.u32(buffer, offset + 8),
        csrcs,
        extension);
  }

  /** Whether there is a header extension (the X bit). */
  public boolean hasExtension() {
    return extension != null;
  }

  /** The serialized size: 12 bytes, 4 per CSRC, and the extension if any. */
  public int headerLength() {
    return FIXED_LENGTH + 4 * csrcs.size() + (extension == null ? 0 : extension.length());
  }

  /**
   * Writes the header at {@code offset}, with the P bit clear.
   *
   * @return the number of bytes written, {@link #headerLength()}
   * @throws IllegalArgumentException if it does not fit
   */
  public int serialize(byte[] destination, int offset) {
    int length = headerLength();
    RtpWire.checkRange(destination, offset, length);
    destination[offset] =
        (byte) (VERSION << 6 | (extension == null ? 0 : 0x10) | csrcs.size());
    destination[offset + 1] = (byte) ((marker ? 0x80 : 0) | payloadType);
    RtpWire.putU16(destination, offset + 2, sequenceNumber);
    RtpWire.putU32(destination, offset + 4, timestamp);
    RtpWire.putU32(destination, offset + 8, ssrc);
    int position = offset + FIXED_LENGTH;
    for (long csrc : csrcs) {
      RtpWire.putU32(destination, position, csrc);
      position += 4;
    }
    if (extension != null) {
      extension.serialize(destination, position);
    }
    return length;
  }

  /** The header's wire form. */
  public byte[] serialize() {
    byte[] bytes = new byte[headerLength()];
    serialize(bytes, 0);
    return bytes;
  }

  /**
   * A copy of the data of the RFC 8285 extension element {@code id}; empty when there is no
   * extension, no such element, or a generic extension.
   */
  public Optional<byte[]> extension(int id) {
    return extension == null ? Optional.empty() : extension.get(id);
  }

  /**
   * This header with the extension element {@code id} set to {@code data} (replaced where it
   * stands, or appended). Without an extension so far, one is created in the smallest form that
   * fits (see {@link RtpHeaderExtension#of}).
   *
   * @throws IllegalArgumentException if the element does not fit the existing extension's form
   *     (a one-byte extension must be converted with {@link RtpHeaderExtension#toTwoByteForm()}
   *     first)
   * @throws IllegalStateException if the existing extension is generic
   */
  public RtpHeader withExtension(int id, byte[] data) {
    RtpHeaderExtension next =
        extension == null
            ? RtpHeaderExtension.of(List.of(new RtpExtensionElement(id, data)))
            : extension.with(id, data);
    return withHeaderExtension(next);
  }

  /**
   * This header without the extension element {@code id}. When that leaves an RFC 8285 extension
   * with no elements, the extension goes too (X clear); without such an element, this header.
   */
  public RtpHeader withoutExtension(int id) {
    if (extension == null) {
      return this;
    }
    RtpHeaderExtension next = extension.without(id);
    if (next == extension) {
      return this;
    }
    return withHeaderExtension(next.elements().isEmpty() ? null : next);
  }

  /** This header with {@code extension} (or none, for {@code null}) in place of its own. */
  public RtpHeader withHeaderExtension(RtpHeaderExtension extension) {
    return new RtpHeader(marker, payloadType, sequenceNumber, timestamp, ssrc, csrcs, extension);
  }

  private static List<Long> checkedCsrcs(List<Long> csrcs) {
    if (csrcs == null) {
      throw new IllegalArgumentException("csrcs is null");
    }
    for (Long csrc : csrcs) {
      if (csrc == null) {
        throw new IllegalArgumentException("csrcs hold a null");
      }
      FieldChecks.u32(csrc, "csrc");
    }
    return FieldChecks.list(csrcs, MAX_CSRCS, "csrcs");
  }
}
