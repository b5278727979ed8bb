package org.ortc4j.rtcp;

import java.util.ArrayList;
import java.util.List;
import org.ortc4j.rtcp.RtcpParseException.Reason;
import org.ortc4j.rtcp.internal.ByteReader;
import org.ortc4j.rtcp.internal.ByteWriter;
import org.ortc4j.rtcp.internal.FieldChecks;

/**
 * RTP Control Protocol feedback for congestion control (RTPFB, FMT=11, "CCFB"): per RTP stream,
 * which packets arrived, when, and with which ECN marking.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P| FMT=11  |   PT = 205    |          length               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 SSRC of RTCP packet sender                    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                   SSRC of 1st RTP Stream                      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          begin_seq            |          num_reports          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |R|ECN|  Arrival time offset    | ...                           .
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * .                                                               .
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                   SSRC of nth RTP Stream                      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          begin_seq            |          num_reports          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |R|ECN|  Arrival time offset    | ...                           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 Report Timestamp (32 bits)                    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>Unlike other RTPFB messages there is no "SSRC of media source" word after the sender's: the
 * report blocks name their streams. The report blocks fill everything between the sender SSRC and
 * the final report timestamp; a packet may hold none. On parsing, a {@code num_reports} above
 * {@value CcfbReportBlock#MAX_METRICS} or beyond the bytes left is {@link Reason#BAD_COUNT}, and a
 * non-zero half-word after an odd number of metric blocks is {@link Reason#BAD_VALUE}.
 *
 * @param senderSsrc SSRC of the packet sender
 * @param reportBlocks one block per reported RTP stream
 * @param reportTimestamp RTS: when the report was generated, the middle 32 bits of an NTP
 *     timestamp; arrival time offsets count back from it
 * @param padding bytes of RTCP padding, a multiple of 4 (the content already fills whole words)
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8888#section-3.1">RFC 8888 §3.1</a>
 */
public record CongestionControlFeedback(
    long senderSsrc, List<CcfbReportBlock> reportBlocks, long reportTimestamp, int padding)
    implements RtcpPacket {
  private static final int SENDER_AND_TIMESTAMP = 8;
  private static final int TIMESTAMP_SIZE = 4;
  private static final int BLOCK_HEADER = 8;

  public CongestionControlFeedback {
    FieldChecks.u32(senderSsrc, "senderSsrc");
    reportBlocks = FieldChecks.list(reportBlocks, RtcpHeader.MAX_PACKET_SIZE / BLOCK_HEADER, "reportBlocks");
    FieldChecks.u32(reportTimestamp, "reportTimestamp");
    PacketChecks.requireWholeWords(
        "CCFB", blocksLength(reportBlocks) + SENDER_AND_TIMESTAMP, padding);
  }

  /** Feedback without padding. */
  public CongestionControlFeedback(
      long senderSsrc, List<CcfbReportBlock> reportBlocks, long reportTimestamp) {
    this(senderSsrc, reportBlocks, reportTimestamp, 0);
  }

  static CongestionControlFeedback parseBody(int format, ByteReader body, int padding)
      throws RtcpParseException {
    body.need(SENDER_AND_TIMESTAMP, "the sender SSRC and the report timestamp");
    long sender = body.u32();
    ByteReader blocks = body.slice(body.remaining() - TIMESTAMP_SIZE, "report blocks");
    List<CcfbReportBlock> reportBlocks = new ArrayList<>();
    while (blocks.remaining() > 0) {
      reportBlocks.add(readBlock(blocks));
    }
    long timestamp = body.u32();
    body.expectEnd();
    return new CongestionControlFeedback(sender, reportBlocks, timestamp, padding);
  }

  private static CcfbReportBlock readBlock(ByteReader blocks) throws RtcpParseException {
    blocks.need(BLOCK_HEADER, "a report block header");
    long ssrc = blocks.u32();
    int begin = blocks.u16();
    int count = readCount(blocks);
    List<CcfbMetric> metrics = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      metrics.add(CcfbMetric.decode(blocks.u16()));
    }
    if (count % 2 != 0 && blocks.u16() != 0) {
      throw blocks.error(Reason.BAD_VALUE, "non-zero half-word after an odd number of reports");
    }
    return new CcfbReportBlock(ssrc, begin, metrics);
  }

  /** Reads num_reports and checks it before anything is allocated for it. */
  private static int readCount(ByteReader blocks) throws RtcpParseException {
    int count = blocks.u16();
    if (count > CcfbReportBlock.MAX_METRICS) {
      throw blocks.error(
          Reason.BAD_COUNT, "num_reports " + count + " exceeds " + CcfbReportBlock.MAX_METRICS);
    }
    int bytes = (count + 1) / 2 * 4;
    if (bytes > blocks.remaining()) {
      throw blocks.error(
          Reason.BAD_COUNT,
          "num_reports " + count + " needs " + bytes + " bytes, " + blocks.remaining() + " left");
    }
    return count;
  }

  private static int blocksLength(List<CcfbReportBlock> blocks) {
    int length = 0;
    for (CcfbReportBlock block : blocks) {
      length += block.length();
    }
    return length;
  }

  @Override
  public int packetType() {
    return RtcpPacketType.TRANSPORT_LAYER_FEEDBACK;
  }

  @Override
  public int countOrFormat() {
    return RtcpPacketType.FMT_CONGESTION_CONTROL_FEEDBACK;
  }

  /** The SSRCs of the report blocks, in order. */
  @Override
  public List<Long> destinationSsrcs() {
    List<Long> ssrcs = new ArrayList<>(reportBlocks.size());
    for (CcfbReportBlock block : reportBlocks) {
      ssrcs.add(block.ssrc());
    }
    return List.copyOf(ssrcs);
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
    return SENDER_AND_TIMESTAMP + blocksLength(reportBlocks);
  }

  private void writeBody(ByteWriter out) {
    out.u32(senderSsrc);
    for (CcfbReportBlock block : reportBlocks) {
      out.u32(block.ssrc()).u16(block.beginSequence()).u16(block.metrics().size());
      for (CcfbMetric metric : block.metrics()) {
        out.u16(metric.encode());
      }
      if (block.metrics().size() % 2 != 0) {
        out.u16(0);
      }
    }
    out.u32(reportTimestamp);
  }
}
