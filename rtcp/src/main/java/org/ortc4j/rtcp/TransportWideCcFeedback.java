package org.ortc4j.rtcp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
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
 * <p>Instances are immutable and compare by value, like the packet records. This one is a class,
 * not a record, because it keeps what it derives from its fields (each status's symbol, the
 * deltas as {@code int}s, the encoded length): feedback for hundreds of packets is walked on
 * every parse, serialize and {@link #packetResults()}.
 *
 * @see <a
 *     href="https://datatracker.ietf.org/doc/html/draft-holmer-rmcat-transport-wide-cc-extensions-01#section-3.1">
 *     draft-holmer-rmcat-transport-wide-cc-extensions-01 §3.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4585#section-6.1">RFC 4585 §6.1</a>
 */
public final class TransportWideCcFeedback implements RtcpPacket {
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
  private static final int SMALL = TwccStatusSymbol.RECEIVED_SMALL_DELTA.code();
  private static final int LARGE = TwccStatusSymbol.RECEIVED_LARGE_DELTA.code();
  private static final int RESERVED = TwccStatusSymbol.RESERVED.code();

  private final long senderSsrc;
  private final long mediaSsrc;
  private final int baseSequenceNumber;
  private final int packetStatusCount;
  private final int referenceTime;
  private final int feedbackPacketCount;
  private final List<TwccChunk> packetChunks;
  private final int[] receiveDeltas;
  private final int padding;
  /** The symbol code of each status within the count, from the chunks. */
  private final byte[] statuses;
  /** Bytes from the sender SSRC to the last receive delta. */
  private final int contentLength;

  /**
   * Feedback from its fields, checked against each other.
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
   * @throws IllegalArgumentException if a field is out of range, the chunks do not cover the count
   *     (or one follows the chunk that does), a status within the count is the reserved symbol,
   *     the deltas do not match the received statuses, or the packet exceeds the length field
   */
  public TransportWideCcFeedback(
      long senderSsrc,
      long mediaSsrc,
      int baseSequenceNumber,
      int packetStatusCount,
      int referenceTime,
      int feedbackPacketCount,
      List<TwccChunk> packetChunks,
      List<Integer> receiveDeltas,
      int padding) {
    this(
        FieldChecks.u32(senderSsrc, "senderSsrc"),
        FieldChecks.u32(mediaSsrc, "mediaSsrc"),
        FieldChecks.u16(baseSequenceNumber, "baseSequenceNumber"),
        FieldChecks.u16(packetStatusCount, "packetStatusCount"),
        FieldChecks.range(referenceTime, MIN_REFERENCE_TIME, MAX_REFERENCE_TIME, "referenceTime"),
        FieldChecks.u8(feedbackPacketCount, "feedbackPacketCount"),
        FieldChecks.list(packetChunks, RtcpHeader.MAX_PACKET_SIZE / CHUNK_SIZE, "packetChunks"),
        toInts(FieldChecks.list(receiveDeltas, RtcpHeader.MAX_PACKET_SIZE, "receiveDeltas")),
        FieldChecks.padding(padding),
        null);
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
   * The one constructor that assigns: {@code statuses} is null when the caller has not derived
   * them from the chunks yet (the parser has, while reading).
   */
  private TransportWideCcFeedback(
      long senderSsrc,
      long mediaSsrc,
      int baseSequenceNumber,
      int packetStatusCount,
      int referenceTime,
      int feedbackPacketCount,
      List<TwccChunk> packetChunks,
      int[] receiveDeltas,
      int padding,
      byte[] statuses) {
    this.senderSsrc = senderSsrc;
    this.mediaSsrc = mediaSsrc;
    this.baseSequenceNumber = baseSequenceNumber;
    this.packetStatusCount = packetStatusCount;
    this.referenceTime = referenceTime;
    this.feedbackPacketCount = feedbackPacketCount;
    this.packetChunks = packetChunks;
    this.receiveDeltas = receiveDeltas;
    this.padding = padding;
    this.statuses = statuses != null ? statuses : statusesOf(packetChunks, packetStatusCount);
    this.contentLength = checkDeltas(this.statuses, receiveDeltas) + packetChunks.size() * CHUNK_SIZE;
    if (RtcpHeader.SIZE + contentLength + alignment(contentLength, padding) + padding
        > RtcpHeader.MAX_PACKET_SIZE) {
      throw new IllegalArgumentException("the feedback exceeds an RTCP packet");
    }
  }

  /**
   * Feedback whose chunks and deltas the builder encoded itself (they are checked against each
   * other all the same).
   */
  static TransportWideCcFeedback encoded(
      long senderSsrc,
      long mediaSsrc,
      int baseSequenceNumber,
      int packetStatusCount,
      int referenceTime,
      int feedbackPacketCount,
      List<TwccChunk> packetChunks,
      int[] receiveDeltas) {
    return new TransportWideCcFeedback(
        FieldChecks.u32(senderSsrc, "senderSsrc"),
        FieldChecks.u32(mediaSsrc, "mediaSsrc"),
        baseSequenceNumber,
        packetStatusCount,
        referenceTime,
        FieldChecks.u8(feedbackPacketCount, "feedbackPacketCount"),
        packetChunks,
        receiveDeltas,
        0,
        null);
  }

  private static int[] toInts(List<Integer> values) {
    int[] ints = new int[values.size()];
    for (int i = 0; i < ints.length; i++) {
      ints[i] = values.get(i);
    }
    return ints;
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
    byte[] statuses = statusesOf(chunks, count);
    int[] deltas = readDeltas(body, statuses);
    readAlignment(body);
    return new TransportWideCcFeedback(
        sender, media, base, count, reference, feedbackCount, chunks, deltas, padding, statuses);
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
    return List.copyOf(chunks);
  }

  private static int[] readDeltas(ByteReader body, byte[] statuses) throws RtcpParseException {
    int[] deltas = new int[receivedCount(statuses)];
    int next = 0;
    for (int index = 0; index < statuses.length; index++) {
      int code = statuses[index];
      if (code == SMALL || code == LARGE) {
        if (body.remaining() < code) {
          throw body.error(Reason.TOO_SHORT, "the receive delta of status " + index + " is missing");
        }
        deltas[next++] = code == SMALL ? body.u8() : (short) body.u16();
      }
    }
    return deltas;
  }

  private static int receivedCount(byte[] statuses) {
    int received = 0;
    for (byte code : statuses) {
      if (code == SMALL || code == LARGE) {
        received++;
      }
    }
    return received;
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

  /**
   * The symbol code of each of the first {@code count} statuses the chunks describe.
   *
   * @throws IllegalArgumentException if the chunks describe fewer, a chunk follows the one that
   *     reaches the count, or a status within the count is the reserved symbol
   */
  private static byte[] statusesOf(List<TwccChunk> chunks, int count) {
    byte[] statuses = new byte[count];
    int covered = 0;
    for (TwccChunk chunk : chunks) {
      if (covered >= count) {
        throw new IllegalArgumentException(
            "a chunk follows the one that covers all " + count + " statuses");
      }
      covered = fill(Objects.requireNonNull(chunk, "chunk"), statuses, covered);
    }
    if (covered < count) {
      throw new IllegalArgumentException(
          "chunks describe " + covered + " statuses, fewer than " + count);
    }
    return statuses;
  }

  /** Writes the chunk's codes from {@code at}, up to the count; returns where the chunk ends. */
  private static int fill(TwccChunk chunk, byte[] statuses, int at) {
    int end = Math.min(at + chunk.statusCount(), statuses.length);
    if (chunk instanceof TwccRunLengthChunk run) {
      Arrays.fill(statuses, at, end, (byte) run.symbol().code());
    } else {
      TwccStatusVectorChunk vector = (TwccStatusVectorChunk) chunk;
      for (int i = at; i < end; i++) {
        statuses[i] = (byte) vector.code(i - at);
      }
    }
    for (int i = at; i < end; i++) {
      if (statuses[i] == RESERVED) {
        throw new IllegalArgumentException("status " + i + " is the reserved symbol 11");
      }
    }
    return at + chunk.statusCount();
  }

  /**
   * Checks one delta per received status, in its symbol's range.
   *
   * @return the content length up to the chunks: the fixed part plus the deltas' bytes
   */
  private static int checkDeltas(byte[] statuses, int[] deltas) {
    int next = 0;
    int deltaBytes = 0;
    for (int index = 0; index < statuses.length; index++) {
      int code = statuses[index];
      if (code == SMALL || code == LARGE) {
        if (next == deltas.length) {
          throw new IllegalArgumentException("no receive delta for status " + index);
        }
        checkDeltaFits(code, deltas[next++], index);
        deltaBytes += code;
      }
    }
    if (next != deltas.length) {
      throw new IllegalArgumentException(
          deltas.length + " receive deltas for " + next + " received packets");
    }
    return FIXED_SIZE + deltaBytes;
  }

  private static void checkDeltaFits(int code, int delta, int index) {
    int min = code == SMALL ? 0 : Short.MIN_VALUE;
    int max = code == SMALL ? 0xff : Short.MAX_VALUE;
    if (delta < min || delta > max) {
      throw new IllegalArgumentException(
          "receive delta of status " + index + " (" + TwccStatusSymbol.ofCode(code)
              + ") must be in [" + min + ", " + max + "], was " + delta);
    }
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
    return new TransportWideCcFeedback(
        senderSsrc,
        mediaSsrc,
        baseSequenceNumber,
        packetStatusCount,
        referenceTime,
        feedbackPacketCount,
        packetChunks,
        receiveDeltas,
        alignment(contentLength, 0),
        statuses);
  }

  /** SSRC of the packet sender. */
  public long senderSsrc() {
    return senderSsrc;
  }

  /** SSRC of the media source (often 0 or the first sender SSRC: the feedback is transport-wide). */
  public long mediaSsrc() {
    return mediaSsrc;
  }

  /** The transport-wide sequence number of the first status. */
  public int baseSequenceNumber() {
    return baseSequenceNumber;
  }

  /** How many consecutive sequence numbers the feedback covers. */
  public int packetStatusCount() {
    return packetStatusCount;
  }

  /** Signed 24-bit time base in 64 ms units. */
  public int referenceTime() {
    return referenceTime;
  }

  /** The 8-bit counter of feedback packets sent, to detect lost feedback. */
  public int feedbackPacketCount() {
    return feedbackPacketCount;
  }

  /** The status chunks, as sent. */
  public List<TwccChunk> packetChunks() {
    return packetChunks;
  }

  /** The receive deltas in 250 µs units, one per received status within the count. */
  public List<Integer> receiveDeltas() {
    return Arrays.stream(receiveDeltas).boxed().toList();
  }

  @Override
  public int padding() {
    return padding;
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
    TwccPacketResult[] results = new TwccPacketResult[packetStatusCount];
    long time = referenceTimeMicros();
    int next = 0;
    for (int index = 0; index < packetStatusCount; index++) {
      int sequenceNumber = (baseSequenceNumber + index) & 0xffff;
      int code = statuses[index];
      if (code == SMALL || code == LARGE) {
        time += receiveDeltas[next++] * DELTA_UNIT_MICROS;
        results[index] = new TwccPacketResult(sequenceNumber, TwccStatusSymbol.ofCode(code), time);
      } else {
        results[index] = new TwccPacketResult(sequenceNumber, TwccStatusSymbol.NOT_RECEIVED, 0);
      }
    }
    return List.of(results);
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
    return PacketFraming.size(contentLength + alignment(contentLength, padding), padding);
  }

  @Override
  public int serialize(byte[] destination, int offset) {
    int size = serializedLength();
    ByteWriter out = PacketFraming.begin(this, size, destination, offset);
    writeBody(out);
    return PacketFraming.finish(this, out, offset, size);
  }

  private void writeBody(ByteWriter out) {
    out.u32(senderSsrc).u32(mediaSsrc).u16(baseSequenceNumber).u16(packetStatusCount);
    out.u24(referenceTime).u8(feedbackPacketCount);
    for (TwccChunk chunk : packetChunks) {
      out.u16(chunk.encode());
    }
    int next = 0;
    for (byte code : statuses) {
      if (code == SMALL) {
        out.u8(receiveDeltas[next++]);
      } else if (code == LARGE) {
        out.u16(receiveDeltas[next++]);
      }
    }
    out.zeros(alignment(contentLength, padding));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TransportWideCcFeedback that
        && senderSsrc == that.senderSsrc
        && mediaSsrc == that.mediaSsrc
        && baseSequenceNumber == that.baseSequenceNumber
        && packetStatusCount == that.packetStatusCount
        && referenceTime == that.referenceTime
        && feedbackPacketCount == that.feedbackPacketCount
        && padding == that.padding
        && packetChunks.equals(that.packetChunks)
        && Arrays.equals(receiveDeltas, that.receiveDeltas);
  }

  @Override
  public int hashCode() {
    int hash = Long.hashCode(senderSsrc);
    hash = hash * 31 + Long.hashCode(mediaSsrc);
    hash = hash * 31 + baseSequenceNumber;
    hash = hash * 31 + packetStatusCount;
    hash = hash * 31 + referenceTime;
    hash = hash * 31 + feedbackPacketCount;
    hash = hash * 31 + packetChunks.hashCode();
    hash = hash * 31 + Arrays.hashCode(receiveDeltas);
    return hash * 31 + padding;
  }

  @Override
  public String toString() {
    return "TransportWideCcFeedback[senderSsrc=" + senderSsrc
        + ", mediaSsrc=" + mediaSsrc
        + ", baseSequenceNumber=" + baseSequenceNumber
        + ", packetStatusCount=" + packetStatusCount
        + ", referenceTime=" + referenceTime
        + ", feedbackPacketCount=" + feedbackPacketCount
        + ", packetChunks=" + packetChunks
        + ", receiveDeltas=" + Arrays.toString(receiveDeltas)
        + ", padding=" + padding + "]";
  }
}
