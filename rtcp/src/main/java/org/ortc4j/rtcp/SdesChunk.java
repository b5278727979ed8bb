package org.ortc4j.rtcp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ortc4j.rtcp.RtcpParseException.Reason;
import org.ortc4j.rtcp.internal.ByteReader;
import org.ortc4j.rtcp.internal.ByteWriter;
import org.ortc4j.rtcp.internal.FieldChecks;

/**
 * One chunk of an SDES packet: a source and the items describing it.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                          SSRC/CSRC                            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                           SDES items                          |
 * |                              ...                              |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  0 (end)      | null octets up to the next 32-bit boundary    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>The items end with one to four null octets: the first is the end marker (an item type of 0),
 * the others pad to the next 32-bit boundary. Serialization writes exactly that many; parsing
 * requires it.
 *
 * @param source the SSRC or CSRC described
 * @param items the items, in order; none is valid
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3550#section-6.5">RFC 3550 §6.5</a>
 */
public record SdesChunk(long source, List<SdesItem> items) {
  /** The smallest chunk: a source and four null octets. */
  static final int MIN_SIZE = 8;

  public SdesChunk {
    FieldChecks.u32(source, "source");
    items = FieldChecks.list(items, RtcpHeader.MAX_PACKET_SIZE / 2, "items");
  }

  /** A chunk with a single CNAME item. */
  public static SdesChunk cname(long source, String cname) {
    return new SdesChunk(source, List.of(SdesItem.cname(cname)));
  }

  /** The text of the first CNAME item, if there is one. */
  public Optional<String> cname() {
    return items.stream()
        .filter(item -> item.type() == SdesItemType.CNAME.code())
        .findFirst()
        .map(SdesItem::text);
  }

  /** Bytes on the wire, null octets included. */
  int size() {
    int itemBytes = 0;
    for (SdesItem item : items) {
      itemBytes += item.size();
    }
    return 4 + itemBytes + nullOctets(itemBytes);
  }

  /** The end marker and the padding after {@code itemBytes} bytes of items: 1 to 4. */
  private static int nullOctets(int itemBytes) {
    return 4 - itemBytes % 4;
  }

  void write(ByteWriter out) {
    int start = out.position();
    out.u32(source);
    for (SdesItem item : items) {
      item.write(out);
    }
    out.zeros(nullOctets(out.position() - start - 4));
  }

  /** Reads one chunk, which starts on a 32-bit boundary. */
  static SdesChunk read(ByteReader in) throws RtcpParseException {
    int start = in.position();
    long source = in.u32();
    List<SdesItem> items = new ArrayList<>();
    for (SdesItem item = readItem(in); item != null; item = readItem(in)) {
      items.add(item);
    }
    readNullPadding(in, start);
    return new SdesChunk(source, items);
  }

  /** The next item, or null at the end marker. */
  private static SdesItem readItem(ByteReader in) throws RtcpParseException {
    if (in.remaining() == 0) {
      throw in.error(Reason.BAD_SDES, "a chunk's items end without the null end marker");
    }
    int type = in.u8();
    if (type == 0) {
      return null;
    }
    if (in.remaining() == 0) {
      throw in.error(Reason.BAD_SDES, "item of type " + type + " has no length octet");
    }
    int length = in.u8();
    if (length > in.remaining()) {
      String where = length + " bytes, " + in.remaining() + " left";
      throw in.error(Reason.BAD_SDES, "item of type " + type + " runs past the end: " + where);
    }
    byte[] value = in.bytes(length);
    if (type == SdesItemType.PRIV.code() && !SdesItem.isWellFormedPriv(value)) {
      throw in.error(
          Reason.BAD_SDES, "PRIV item's prefix length runs past its " + length + " bytes");
    }
    return new SdesItem(type, value);
  }

  /** Reads the null octets after the end marker up to the 32-bit boundary. */
  private static void readNullPadding(ByteReader in, int chunkStart) throws RtcpParseException {
    int nulls = (4 - (in.position() - chunkStart) % 4) % 4;
    if (nulls > in.remaining()) {
      throw in.error(Reason.BAD_SDES, "a chunk's null octets run past the end");
    }
    for (int i = 0; i < nulls; i++) {
      if (in.u8() != 0) {
        throw in.error(Reason.BAD_SDES, "a non-null octet pads a chunk after its end marker");
      }
    }
  }
}
