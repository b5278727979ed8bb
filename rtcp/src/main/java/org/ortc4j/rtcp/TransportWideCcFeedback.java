package org.ortc4j.rtcp;

import java.util.ArrayList;
import java.util.List;
import org.ortc4j.rtcp.RtcpParseException.Reason;
import org.ortc4j.rtcp.internal.ByteReader;
import org.ortc4j.rtcp.internal.ByteWriter;
import org.ortc4j.rtcp.internal.FieldChecks;

/**
 * Transport-wide congestion control feedback (RTPFB, FMT=15, "TWCC"): which packets carrying the
 * transport-wide sequence number header extension arrived, and when.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|  FMT=15 |    PT=205     |           length              |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                     SSRC of packet sender                     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                      SSRC of media source                     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      base sequence number     |      packet status count      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 reference time                | fb pkt. count |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          packet chunk         |         packet chunk          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * .                                                               .
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         packet chunk          |  recv delta   |  recv delta   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * .                                                               .
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           recv delta          |  recv delta   | zero padding  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>Chunks and receive deltas are kept exactly as sent, because the same statuses can be encoded
 * several ways and a parsed packet must serialize to the same bytes. The chunks are read until they
 * cover {@code packetStatusCount} statuses; the last one may describe more, and those extra
 * statuses are ignored (as libwebrtc does): they carry no receive delta and may even be the
 * reserved symbol. Each received status within the count has one receive delta, in 250 µs units:
 * one unsigned byte for {@link TwccStatusSymbol#RECEIVED_SMALL_DELTA}, two signed bytes for {@link
 * TwccStatusSymbol#RECEIVED_LARGE_DELTA}. A count of 0 (no chunks) is accepted, as Pion does,
 * though libwebrtc rejects it.
 *
 * <p><b>Alignment.</b> The deltas rarely end on a 32-bit boundary. Current libwebrtc (Chrome) sets
 * the P bit and closes the packet with RTCP padding whose last byte is its length; older libwebrtc,
 * and Pion unless told otherwise, append one to three zero bytes without the P bit. Both
 * round-trip: the zero bytes this record writes between the deltas and the {@link #padding()} are
 * whatever makes the packet whole words, so a packet with {@code padding() == 0} ends with the zero
 * alignment bytes, and {@link #withPaddingAlignment()} gives the P-bit form. On parsing, up to
 * three zero bytes after the deltas are accepted as that alignment; more, or non-zero ones, are
 * {@link Reason#BAD_LENGTH}.
 *
 * @param senderSsrc SSRC of the packet sender
 * @param mediaSsrc SSRC of the media source (often 0 or the first sender SSRC: the feedback is
 *     transport-wide)
 * @param baseSequenceNumber the transport-wide sequence number of the first status
 * @param packetStatusCount how many consecutive sequence numbers the feedback covers
 * @param referenceTime signed 24-bit time base in 64 ms units, {@code [-2^23, 2^23)}
 * @param feedbackPacketCount 8-bit counter of feedback packets sent, to detect lost feedback
 * @param packetChunks the status chunks, covering at least {@code packetStatusCount} statuses, none
 *     of them after the one that reaches the count
 * @param receiveDeltas one delta in 250 µs units per received status within the count: small ones
 *     in [0, 255], large ones in [-32768, 32767]
 * @param padding bytes of RTCP padding (0 to 255); any value works, the zero alignment adapts
 * @see <a
 *     href="https://datatracker.ietf.org/doc/html/draft-holmer-rmcat-transport-wide-cc-extensions-01#section-3.1">
 *     draft-holmer-rmcat-transport-wide-cc-extensions-01 §3.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4585#section-6.1">RFC 4585 §6.1</a>
 */
public record TransportWideCcFeedback(
    long senderSsrc,
    long mediaSsrc,
    int baseSequenceNumber,
    int packetStatusCount,
    int referenceTime,
    int feedbackPacketCount,
    List<TwccChunk> packetChunks,
    List<Integer> receiveDeltas,
    int padding)
    implements RtcpPacket {
  /** The unit of {@link #referenceTime()}: 64 ms. */
  public static final long REFERENCE_TIME_UNIT_MICROS = 64_000;

  /** The unit of the receive deltas: 250 µs. */
  public static final long DELTA_UNIT_MICROS = 250;

  /** The smallest reference time (signed 24 bits). */
  public static final int MIN_REFERENCE_TIME = -(1 << 23);

  /** The largest reference time (signed 24 bits). */
  public static final int MAX_REFERENCE_TIME = (1 << 23) - 1;

  private static final int FIXED_SIZE = 16;
  private static final int CHUNK_SIZE = 2;

  public TransportWideCcFeedback {
    FieldChecks.u32(senderSsrc, "senderSsrc");
    FieldChecks.u32(mediaSsrc, "mediaSsrc");
    FieldChecks.u16(baseSequenceNumber, "baseSequenceNumber");
    FieldChecks.u16(packetStatusCount, "packetStatusCount");
    FieldChecks.range(referenceTime, MIN_REFERENCE_TIME, MAX_REFERENCE_TIME, "referenceTime");
    FieldChecks.u8(feedbackPacketCount, "feedbackPacketCount");
    packetChunks = FieldChecks.list(packetChunks, RtcpHeader.MAX_PACKET_SIZE / CHUNK_SIZE, "packetChunks");
    receiveDeltas = FieldChecks.list(receiveDeltas, RtcpHeader.MAX_PACKET_SIZE, "receiveDeltas");
    FieldChecks.padding(padding);
    checkChunksCover(packetChunks, packetStatusCount);
    checkDeltas(packetChunks, packetStatusCount, receiveDeltas);
    int content = contentLength(packetChunks, packetStatusCount, receiveDeltas);
    if (RtcpHeader.SIZE + content + alignment(content, padding) + padding > RtcpHeader.MAX_PACKET_SIZE) {
      throw new IllegalArgumentException("the feedback exceeds an RTCP packet");
    }
  }

  /** Feedback without RTCP padding: zero bytes align it, as older libwebrtc and Pion send it. */
  public TransportWideCcFeedback(
      long senderSsrc,
      long mediaSsrc,
      int baseSequenceNumber,
      int packetStatusCount,
      int referenceTime,
      int feedbackPacketCount,
      List<TwccChunk> packetChunks,
      List<Integer> receiveDeltas) {
    this(
        senderSsrc,
        mediaSsrc,
        baseSequenceNumber,
        packetStatusCount,
        referenceTime,
        feedbackPacketCount,
        packetChunks,
        receiveDeltas,
        0);
  }

  /**
   * Feedback for {@code arrivals}, encoded the way a receiver would: the statuses run from {@code
   * baseSequenceNumber} to the furthest sequence number listed (modulo 2^16), those not listed or
   * listed as lost are {@link TwccStatusSymbol#NOT_RECEIVED}; each receive delta is the arrival
   * time minus the previous one (the first: minus {@code referenceTime} × 64 ms), rounded to 250
   * µs, small when it fits one unsigned byte. Runs of one status become run length chunks, other
   * stretches one-bit vectors, or two-bit vectors where a large delta occurs, whichever covers more
   * packets per chunk. The result has no RTCP padding; see {@link #withPaddingAlignment()}.
   *
   * @param arrivals the packets, in any order; none listed twice
   * @throws IllegalArgumentException if a sequence number repeats, the span exceeds 65535 statuses,
   *     or a delta does not fit 16 signed bits (time to start another feedback packet)
   */
  public static TransportWideCcFeedback fromArrivals(
      long senderSsrc,
      long mediaSsrc,
      int baseSequenceNumber,
      int referenceTime,
      int feedbackPacketCount,
      List<TwccArrival> arrivals) {
    return TwccFeedbackBuilder.build(
        senderSsrc, mediaSsrc, baseSequenceNumber, referenceTime, feedbackPacketCount, arrivals);
  }

  static TransportWideCcFeedback parseBody(int format, ByteReader body, int padding)
      throws RtcpParseException {
    body.need(FIXED_SIZE, "the feedback header");
    long sender = body.u32();
    long media = body.u32();
    int base = body.u16();
    int count = body.u16();
    int reference = body.u24() << 8 >> 8;
    int feedbackCount = body.u8();
    List<TwccChunk> chunks = readChunks(body, count);
    rejectReservedStatuses(body, chunks, count);
    List<Integer> deltas = readDeltas(body, chunks, count);
    readAlignment(body);
    return new TransportWideCcFeedback(
        sender, media, base, count, reference, feedbackCount, chunks, deltas, padding);
  }

  private static List<TwccChunk> readChunks(ByteReader body, int count) throws RtcpParseException {
    List<TwccChunk> chunks = new ArrayList<>();
    int covered = 0;
    while (covered < count) {
      if (body.remaining() < CHUNK_SIZE) {
        throw body.error(
            Reason.TOO_SHORT, "chunks end after " + covered + " of " + count + " statuses");
      }
      TwccChunk chunk = TwccChunk.decode(body.u16());
      chunks.add(chunk);
      covered += chunk.statusCount();
    }
    return chunks;
  }

  private static void rejectReservedStatuses(ByteReader body, List<TwccChunk> chunks, int count)
      throws RtcpParseException {
    for (TwccStatusCursor cursor = new TwccStatusCursor(chunks, count); cursor.hasNext(); ) {
      int index = cursor.index();
      if (cursor.next() == TwccStatusSymbol.RESERVED) {
        throw body.error(Reason.BAD_VALUE, "status " + index + " is the reserved symbol 11");
      }
    }
  }

  private static List<Integer> readDeltas(ByteReader body, List<TwccChunk> chunks, int count)
      throws RtcpParseException {
    List<Integer> deltas = new ArrayList<>();
    for (TwccStatusCursor cursor = new TwccStatusCursor(chunks, count); cursor.hasNext(); ) {
      int index = cursor.index();
      TwccStatusSymbol symbol = cursor.next();
      if (body.remaining() < symbol.deltaSize()) {
        throw body.error(Reason.TOO_SHORT, "the receive delta of status " + index + " is missing");
      }
      if (symbol == TwccStatusSymbol.RECEIVED_SMALL_DELTA) {
        deltas.add(body.u8());
      } else if (symbol == TwccStatusSymbol.RECEIVED_LARGE_DELTA) {
        deltas.add((int) (short) body.u16());
      }
    }
    return deltas;
  }

  /** Accepts the 0 to 3 zero bytes that senders without the P bit use to reach a word boundary. */
  private static void readAlignment(ByteReader body) throws RtcpParseException {
    int left = body.remaining();
    if (left > 3) {
      throw body.error(Reason.BAD_LENGTH, left + " bytes after the receive deltas");
    }
    for (int i = 0; i < left; i++) {
      if (body.u8() != 0) {
        throw body.error(Reason.BAD_LENGTH, "non-zero byte after the receive deltas");
      }
    }
  }

  private static void checkChunksCover(List<TwccChunk> chunks, int count) {
    int covered = 0;
    for (TwccChunk chunk : chunks) {
      if (covered >= count) {
        throw new IllegalArgumentException(
            "a chunk follows the one that covers all " + count + " statuses");
      }
      covered += chunk.statusCount();
    }
    if (covered < count) {
      throw new IllegalArgumentException(
          "chunks describe " + covered + " statuses, fewer than " + count);
    }
  }

  private static void checkDeltas(List<TwccChunk> chunks, int count, List<Integer> deltas) {
    int next = 0;
    for (TwccStatusCursor cursor = new TwccStatusCursor(chunks, count); cursor.hasNext(); ) {
      int index = cursor.index();
      TwccStatusSymbol symbol = cursor.next();
      if (symbol == TwccStatusSymbol.RESERVED) {
        throw new IllegalArgumentException("status " + index + " is the reserved symbol");
      }
      if (symbol.received()) {
        if (next == deltas.size()) {
          throw new IllegalArgumentException("no receive delta for status " + index);
        }
        checkDeltaFits(symbol, deltas.get(next++), index);
      }
    }
    if (next != deltas.size()) {
      throw new IllegalArgumentException(
          deltas.size() + " receive deltas for " + next + " received packets");
    }
  }

  private static void checkDeltaFits(TwccStatusSymbol symbol, int delta, int index) {
    boolean small = symbol == TwccStatusSymbol.RECEIVED_SMALL_DELTA;
    int min = small ? 0 : Short.MIN_VALUE;
    int max = small ? 0xff : Short.MAX_VALUE;
    FieldChecks.range(delta, min, max, "receive delta of status " + index + " (" + symbol + ")");
  }

  private static int contentLength(List<TwccChunk> chunks, int count, List<Integer> deltas) {
    int largeDeltas = 0;
    for (TwccStatusCursor cursor = new TwccStatusCursor(chunks, count); cursor.hasNext(); ) {
      if (cursor.next() == TwccStatusSymbol.RECEIVED_LARGE_DELTA) {
        largeDeltas++;
      }
    }
    return FIXED_SIZE + chunks.size() * CHUNK_SIZE + deltas.size() + largeDeltas;
  }

  /** The zero bytes between the deltas and the padding that make the packet whole words. */
  private static int alignment(int contentLength, int padding) {
    return Math.floorMod(-(contentLength + padding), 4);
  }

  /**
   * This feedback aligned with RTCP padding (P bit set, 1 to 3 bytes, the last one their count), as
   * current libwebrtc sends it, instead of zero bytes without the P bit; unchanged padding of 0
   * when the deltas end on a word boundary.
   */
  public TransportWideCcFeedback withPaddingAlignment() {
    int needed = alignment(contentLength(packetChunks, packetStatusCount, receiveDeltas), 0);
    return new TransportWideCcFeedback(
        senderSsrc,
        mediaSsrc,
        baseSequenceNumber,
        packetStatusCount,
        referenceTime,
        feedbackPacketCount,
        packetChunks,
        receiveDeltas,
        needed);
  }

  /** {@link #referenceTime()} in microseconds. */
  public long referenceTimeMicros() {
    return referenceTime * REFERENCE_TIME_UNIT_MICROS;
  }

  /**
   * Every status within the count, in sequence order (the sequence numbers wrap from 65535 to 0),
   * with arrival times for received packets: {@link #referenceTimeMicros()} plus the receive deltas
   * up to and including the packet's, times 250 µs.
   */
  public List<TwccPacketResult> packetResults() {
    List<TwccPacketResult> results = new ArrayList<>(packetStatusCount);
    long time = referenceTimeMicros();
    int next = 0;
    for (TwccStatusCursor cursor = new TwccStatusCursor(packetChunks, packetStatusCount);
        cursor.hasNext(); ) {
      int sequenceNumber = (baseSequenceNumber + cursor.index()) & 0xffff;
      TwccStatusSymbol symbol = cursor.next();
      if (symbol.received()) {
        time += receiveDeltas.get(next++) * DELTA_UNIT_MICROS;
        results.add(new TwccPacketResult(sequenceNumber, symbol, time));
      } else {
        results.add(new TwccPacketResult(sequenceNumber, symbol, 0));
      }
    }
    return List.copyOf(results);
  }

  @Override
  public int packetType() {
    return RtcpPacketType.TRANSPORT_LAYER_FEEDBACK;
  }

  @Override
  public int countOrFormat() {
    return RtcpPacketType.FMT_TRANSPORT_WIDE_CC;
  }

  /** The media source. */
  @Override
  public List<Long> destinationSsrcs() {
    return List.of(mediaSsrc);
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
    int content = contentLength(packetChunks, packetStatusCount, receiveDeltas);
    return content + alignment(content, padding);
  }

  private void writeBody(ByteWriter out) {
    out.u32(senderSsrc).u32(mediaSsrc).u16(baseSequenceNumber).u16(packetStatusCount);
    out.u24(referenceTime).u8(feedbackPacketCount);
    for (TwccChunk chunk : packetChunks) {
      out.u16(chunk.encode());
    }
    int next = 0;
    for (TwccStatusCursor cursor = new TwccStatusCursor(packetChunks, packetStatusCount);
        cursor.hasNext(); ) {
      TwccStatusSymbol symbol = cursor.next();
      if (symbol == TwccStatusSymbol.RECEIVED_SMALL_DELTA) {
        out.u8(receiveDeltas.get(next++));
      } else if (symbol == TwccStatusSymbol.RECEIVED_LARGE_DELTA) {
        out.u16(receiveDeltas.get(next++));
      }
    }
    int content = contentLength(packetChunks, packetStatusCount, receiveDeltas);
    out.zeros(alignment(content, padding));
  }
}
