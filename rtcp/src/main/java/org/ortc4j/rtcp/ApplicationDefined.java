package org.ortc4j.rtcp;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.ortc4j.rtcp.internal.ByteReader;
import org.ortc4j.rtcp.internal.ByteWriter;
import org.ortc4j.rtcp.internal.FieldChecks;

/**
 * Application-defined (APP): an experimental packet whose meaning a four-character name and a
 * subtype choose.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P| subtype |   PT=APP=204  |             length            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                           SSRC/CSRC                           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                          name (ASCII)                         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                   application-dependent data                ...
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param subtype the 5-bit subtype, in the header's count field
 * @param ssrc the SSRC or CSRC of the sender
 * @param name exactly four bytes, ASCII by RFC 3550, kept raw (copied in and out)
 * @param data the application-dependent data, whole 32-bit words (copied in and out)
 * @param padding bytes of RTCP padding, the count byte included: 0 or a multiple of 4 up to 252
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3550#section-6.7">RFC 3550 §6.7</a>
 */
public record ApplicationDefined(int subtype, long ssrc, byte[] name, byte[] data, int padding)
    implements RtcpPacket {
  /** The size of the name field. */
  public static final int NAME_LENGTH = 4;

  /** Bytes of the SSRC and the name. */
  private static final int FIXED_SIZE = 8;

  public ApplicationDefined {
    FieldChecks.range(subtype, 0, 31, "subtype");
    FieldChecks.u32(ssrc, "ssrc");
    name = FieldChecks.bytes(name, NAME_LENGTH, "name");
    if (name.length != NAME_LENGTH) {
      throw new IllegalArgumentException("name must be 4 bytes, was " + name.length);
    }
    data = PacketChecks.words(data, "data");
    PacketChecks.requireWholeWords("APP", FIXED_SIZE + data.length, padding);
  }

  /** An APP packet without padding. */
  public ApplicationDefined(int subtype, long ssrc, byte[] name, byte[] data) {
    this(subtype, ssrc, name, data, 0);
  }

  /**
   * An APP packet named by four ASCII characters, without padding.
   *
   * @throws IllegalArgumentException if {@code name} is not four ASCII characters
   */
  public ApplicationDefined(int subtype, long ssrc, String name, byte[] data) {
    this(subtype, ssrc, asciiName(name), data, 0);
  }

  private static byte[] asciiName(String name) {
    if (name.length() != NAME_LENGTH || !name.chars().allMatch(c -> c < 0x80)) {
      throw new IllegalArgumentException(
          "name must be four ASCII characters, was \"" + name + "\"");
    }
    return name.getBytes(StandardCharsets.US_ASCII);
  }

  static ApplicationDefined parseBody(int subtype, ByteReader body, int padding)
      throws RtcpParseException {
    body.need(FIXED_SIZE, "the SSRC and name");
    long ssrc = body.u32();
    byte[] name = body.bytes(NAME_LENGTH);
    byte[] data = PacketChecks.readWords(body, "application-dependent data");
    return new ApplicationDefined(subtype, ssrc, name, data, padding);
  }

  /** A copy of the name's four bytes. */
  @Override
  public byte[] name() {
    return name.clone();
  }

  /** The name as text, one character per byte (ISO-8859-1, the same as ASCII for ASCII names). */
  public String nameText() {
    return new String(name, StandardCharsets.ISO_8859_1);
  }

  /** A copy of the application-dependent data. */
  @Override
  public byte[] data() {
    return data.clone();
  }

  @Override
  public int packetType() {
    return RtcpPacketType.APPLICATION_DEFINED;
  }

  /** The subtype. */
  @Override
  public int countOrFormat() {
    return subtype;
  }

  /** The sender's SSRC, the only one the packet names. */
  @Override
  public List<Long> destinationSsrcs() {
    return List.of(ssrc);
  }

  @Override
  public int serializedLength() {
    return PacketFraming.size(bodyLength(), padding);
  }

  @Override
  public int serialize(byte[] destination, int offset) {
    int size = serializedLength();
    ByteWriter out = PacketFraming.begin(this, size, destination, offset);
    writeBody(out);
    return PacketFraming.finish(this, out, offset, size);
  }

  private int bodyLength() {
    return FIXED_SIZE + data.length;
  }

  private void writeBody(ByteWriter out) {
    out.u32(ssrc).bytes(name).bytes(data);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ApplicationDefined that
        && subtype == that.subtype
        && ssrc == that.ssrc
        && Arrays.equals(name, that.name)
        && Arrays.equals(data, that.data)
        && padding == that.padding;
  }

  @Override
  public int hashCode() {
    int hash = subtype * 31 + Long.hashCode(ssrc);
    hash = hash * 31 + Arrays.hashCode(name);
    return (hash * 31 + Arrays.hashCode(data)) * 31 + padding;
  }

  @Override
  public String toString() {
    return "ApplicationDefined[subtype="
        + subtype
        + ", ssrc="
        + ssrc
        + ", name="
        + nameText()
        + ", data="
        + HexFormat.of().formatHex(data)
        + ", padding="
        + padding
        + "]";
  }
}
