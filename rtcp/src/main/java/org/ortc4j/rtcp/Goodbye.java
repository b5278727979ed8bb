package org.ortc4j.rtcp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.ortc4j.rtcp.RtcpParseException.Reason;
import org.ortc4j.rtcp.internal.ByteReader;
import org.ortc4j.rtcp.internal.ByteWriter;
import org.ortc4j.rtcp.internal.FieldChecks;

/**
 * Goodbye (BYE): the sources are leaving the session, optionally saying why.
 *
 * <pre>
 *        0                   1                   2                   3
 *        0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *       +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *       |V=2|P|    SC   |   PT=BYE=203  |             length            |
 *       +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *       |                           SSRC/CSRC                           |
 *       +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *       :                              ...                              :
 *       +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * (opt) |     length    |               reason for leaving            ...
 *       +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>The reason is padded with null octets to the next 32-bit boundary (padding apart from the P
 * bit's). A reason of zero bytes still takes a word on the wire, so "no reason" ({@code null}) and
 * an empty reason are different packets here, each serializing back to what it came as.
 *
 * @param sources at most 31 SSRCs or CSRCs
 * @param reason the reason for leaving, up to 255 bytes (UTF-8 by RFC 3550, kept raw, copied in and
 *     out), or {@code null} when the packet has none
 * @param padding bytes of RTCP padding, the count byte included: 0 or a multiple of 4 up to 252
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3550#section-6.6">RFC 3550 §6.6</a>
 */
public record Goodbye(List<Long> sources, byte[] reason, int padding) implements RtcpPacket {
  /** The most sources the 5-bit count field allows. */
  public static final int MAX_SOURCES = 31;

  /** The longest reason the 8-bit length field allows. */
  public static final int MAX_REASON_LENGTH = 255;

  public Goodbye {
    sources = FieldChecks.list(sources, MAX_SOURCES, "sources");
    sources.forEach(source -> FieldChecks.u32(source, "source"));
    reason = reason == null ? null : FieldChecks.bytes(reason, MAX_REASON_LENGTH, "reason");
    PacketChecks.requireWholeWords("BYE", 4 * sources.size() + reasonSize(reason), padding);
  }

  /** A BYE without a reason or padding. */
  public Goodbye(List<Long> sources) {
    this(sources, null, 0);
  }

  /** A BYE giving {@code reason} in UTF-8 (or none if it is {@code null}), without padding. */
  public Goodbye(List<Long> sources, String reason) {
    this(sources, reason == null ? null : reason.getBytes(StandardCharsets.UTF_8), 0);
  }

  static Goodbye parseBody(int count, ByteReader body, int padding) throws RtcpParseException {
    if (count * 4 > body.remaining()) {
      throw body.error(
          Reason.BAD_COUNT, count + " sources do not fit in " + body.remaining() + " bytes");
    }
    List<Long> sources = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      sources.add(body.u32());
    }
    byte[] reason = body.remaining() == 0 ? null : readReason(body);
    body.expectEnd();
    return new Goodbye(sources, reason, padding);
  }

  private static byte[] readReason(ByteReader body) throws RtcpParseException {
    byte[] reason = body.bytes(body.u8());
    int nulls = reasonSize(reason) - 1 - reason.length;
    if (nulls > body.remaining()) {
      throw body.error(Reason.BAD_LENGTH, "the reason's null padding runs past the end");
    }
    for (int i = 0; i < nulls; i++) {
      if (body.u8() != 0) {
        throw body.error(Reason.BAD_VALUE, "a non-null octet pads the reason");
      }
    }
    return reason;
  }

  /** Bytes the reason takes on the wire: length octet, text, null octets to a word boundary. */
  private static int reasonSize(byte[] reason) {
    return reason == null ? 0 : (1 + reason.length + 3) & ~3;
  }

  /** A copy of the reason's bytes, or {@code null} when the packet gives none. */
  @Override
  public byte[] reason() {
    return reason == null ? null : reason.clone();
  }

  /** The reason as UTF-8 text (malformed bytes become U+FFFD), if the packet gives one. */
  public Optional<String> reasonText() {
    return Optional.ofNullable(reason).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
  }

  @Override
  public int packetType() {
    return RtcpPacketType.GOODBYE;
  }

  /** The source count, SC. */
  @Override
  public int countOrFormat() {
    return sources.size();
  }

  /** The sources leaving. */
  @Override
  public List<Long> destinationSsrcs() {
    return sources;
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
    return 4 * sources.size() + reasonSize(reason);
  }

  private void writeBody(ByteWriter out) {
    sources.forEach(out::u32);
    if (reason != null) {
      out.u8(reason.length).bytes(reason).zeros(reasonSize(reason) - 1 - reason.length);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Goodbye that
        && sources.equals(that.sources)
        && Arrays.equals(reason, that.reason)
        && padding == that.padding;
  }

  @Override
  public int hashCode() {
    return (sources.hashCode() * 31 + Arrays.hashCode(reason)) * 31 + padding;
  }

  @Override
  public String toString() {
    return "Goodbye[sources="
        + sources
        + ", reason="
        + (reason == null
            ? "none"
            : HexFormat.of().formatHex(reason) + " \"" + reasonText().get() + "\"")
        + ", padding="
        + padding
        + "]";
  }
}
