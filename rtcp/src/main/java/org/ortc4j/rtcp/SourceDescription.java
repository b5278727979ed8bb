package org.ortc4j.rtcp;

import java.util.ArrayList;
import java.util.List;
import org.ortc4j.rtcp.RtcpParseException.Reason;
import org.ortc4j.rtcp.internal.ByteReader;
import org.ortc4j.rtcp.internal.ByteWriter;
import org.ortc4j.rtcp.internal.FieldChecks;

/**
 * Source Description (SDES): items describing sources, above all the CNAME that ties a
 * participant's streams together.
 *
 * <pre>
 *         0                   1                   2                   3
 *         0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *        +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * header |V=2|P|    SC   |  PT=SDES=202  |             length            |
 *        +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * chunk  |                          SSRC/CSRC_1                          |
 *   1    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *        |                           SDES items                          |
 *        |                              ...                              |
 *        +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * chunk  |                          SSRC/CSRC_2                          |
 *   2    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *        |                           SDES items                          |
 *        |                              ...                              |
 *        +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * </pre>
 *
 * <p>See {@link SdesChunk} for a chunk's layout and {@link SdesItem} for an item's.
 *
 * @param chunks at most 31 chunks; none is valid
 * @param padding bytes of RTCP padding, the count byte included: 0 or a multiple of 4 up to 252
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3550#section-6.5">RFC 3550 §6.5</a>
 */
public record SourceDescription(List<SdesChunk> chunks, int padding) implements RtcpPacket {
  /** The most chunks the 5-bit count field allows. */
  public static final int MAX_CHUNKS = 31;

  public SourceDescription {
    chunks = FieldChecks.list(chunks, MAX_CHUNKS, "chunks");
    PacketChecks.requireWholeWords("SDES", bodyLength(chunks), padding);
  }

  /** An SDES without padding. */
  public SourceDescription(List<SdesChunk> chunks) {
    this(chunks, 0);
  }

  /** An SDES with one chunk holding one CNAME item, as WebRTC endpoints send. */
  public static SourceDescription cname(long ssrc, String cname) {
    return new SourceDescription(List.of(SdesChunk.cname(ssrc, cname)));
  }

  static SourceDescription parseBody(int count, ByteReader body, int padding)
      throws RtcpParseException {
    List<SdesChunk> chunks = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      if ((count - i) * SdesChunk.MIN_SIZE > body.remaining()) {
        throw body.error(
            Reason.BAD_COUNT,
            (count - i)
                + " more chunks of "
                + count
                + " do not fit in "
                + body.remaining()
                + " bytes");
      }
      chunks.add(SdesChunk.read(body));
    }
    body.expectEnd();
    return new SourceDescription(chunks, padding);
  }

  @Override
  public int packetType() {
    return RtcpPacketType.SOURCE_DESCRIPTION;
  }

  /** The source count, SC. */
  @Override
  public int countOrFormat() {
    return chunks.size();
  }

  /** The chunks' sources, in order. */
  @Override
  public List<Long> destinationSsrcs() {
    return chunks.stream().map(SdesChunk::source).toList();
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
    return bodyLength(chunks);
  }

  private static int bodyLength(List<SdesChunk> chunks) {
    long length = 0;
    for (SdesChunk chunk : chunks) {
      length += chunk.size();
    }
    return (int) Math.min(length, Integer.MAX_VALUE);
  }

  private void writeBody(ByteWriter out) {
    chunks.forEach(chunk -> chunk.write(out));
  }
}
