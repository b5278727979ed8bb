package org.ortc4j.bench;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.sf.fmj.media.rtp.RTCPCompoundPacket;
import net.sf.fmj.media.rtp.RTCPPacket;
import net.sf.fmj.media.rtp.RTCPRRPacket;
import net.sf.fmj.media.rtp.RTCPReportBlock;
import net.sf.fmj.media.rtp.RTCPSDES;
import net.sf.fmj.media.rtp.RTCPSDESItem;
import net.sf.fmj.media.rtp.RTCPSDESPacket;
import net.sf.fmj.media.rtp.RTCPSRPacket;
import net.sf.fmj.media.rtp.util.BadFormatException;
import net.sf.fmj.utility.ByteBufferOutputStream;
import org.jitsi.impl.neomedia.rtcp.RTCPPacketParserEx;
import org.jitsi.impl.neomedia.rtcp.RTCPREMBPacket;
import org.jitsi.impl.neomedia.rtcp.RTCPTCCPacket;
import org.jitsi.impl.neomedia.rtcp.RTCPTCCPacket.PacketMap;
import org.jitsi.utils.logging.DiagnosticContext;
import org.ortc4j.rtcp.ReceiverEstimatedMaxBitrate;
import org.ortc4j.rtcp.ReceiverReport;
import org.ortc4j.rtcp.ReceptionReport;
import org.ortc4j.rtcp.RtcpPacket;
import org.ortc4j.rtcp.SenderReport;
import org.ortc4j.rtcp.SourceDescription;
import org.ortc4j.rtcp.TransportWideCcFeedback;
import org.ortc4j.rtcp.TwccArrival;
import org.ortc4j.rtcp.TwccPacketResult;

/**
 * The peer of {@link RtcpBenchmark}: libjitsi's RTCP (RTCPPacketParserEx on top of FMJ's
 * RTCPPacketParser, FMJ's and libjitsi's packet classes), driven the way libjitsi drives it, and
 * the checks that it reads and writes exactly what ortc4j does with the same bytes, so that both
 * sides of each benchmark do the same work.
 */
final class JitsiPeer {
  private final RTCPPacketParserEx parser = new RTCPPacketParserEx();

  /** FMJ's parse of a whole datagram: every packet read into its object, FCIs copied. */
  RTCPCompoundPacket parse(byte[] bytes) throws BadFormatException {
    return (RTCPCompoundPacket) parser.parse(bytes, 0, bytes.length);
  }

  /** FMJ's serialization, as its RTCP transmitter does it: into a new array of the right size. */
  static byte[] assemble(RTCPPacket[] packets) {
    RTCPCompoundPacket compound = new RTCPCompoundPacket(packets);
    compound.assemble(compound.calcLength(), false);
    return compound.data;
  }

  /** The same writes as {@link #assemble} into a caller's array (FMJ has no offset form). */
  static int assembleInto(RTCPPacket[] packets, byte[] destination) throws IOException {
    DataOutputStream out =
        new DataOutputStream(new ByteBufferOutputStream(destination, 0, destination.length));
    for (RTCPPacket packet : packets) {
      packet.assemble(out);
    }
    return out.size();
  }

  /** The SR+SDES scenario as FMJ objects. */
  static RTCPPacket[] senderReportAndSdes(List<RtcpPacket> packets) {
    SenderReport sr = (SenderReport) packets.get(0);
    SourceDescription sdes = (SourceDescription) packets.get(1);
    RTCPSRPacket jitsiSr = new RTCPSRPacket((int) sr.ssrc(), reportBlocks(sr.reports()));
    jitsiSr.ntptimestampmsw = sr.ntpTimestamp() >>> 32;
    jitsiSr.ntptimestamplsw = sr.ntpTimestamp() & 0xffff_ffffL;
    jitsiSr.rtptimestamp = sr.rtpTimestamp();
    jitsiSr.packetcount = sr.packetCount();
    jitsiSr.octetcount = sr.octetCount();
    RTCPSDES chunk = new RTCPSDES();
    chunk.ssrc = (int) sdes.chunks().get(0).source();
    chunk.items =
        new RTCPSDESItem[] {
          new RTCPSDESItem(RTCPSDESItem.CNAME, sdes.chunks().get(0).cname().orElseThrow())
        };
    return new RTCPPacket[] {jitsiSr, new RTCPSDESPacket(new RTCPSDES[] {chunk})};
  }

  /** The RR+REMB scenario as FMJ and libjitsi objects. */
  static RTCPPacket[] receiverReportAndRemb(List<RtcpPacket> packets) {
    ReceiverReport rr = (ReceiverReport) packets.get(0);
    ReceiverEstimatedMaxBitrate remb = (ReceiverEstimatedMaxBitrate) packets.get(1);
    long[] destinations = remb.ssrcs().stream().mapToLong(Long::longValue).toArray();
    return new RTCPPacket[] {
      new RTCPRRPacket((int) rr.ssrc(), reportBlocks(rr.reports())),
      new RTCPREMBPacket(
          remb.senderSsrc(), remb.mediaSsrc(), remb.exponent(), remb.mantissa(), destinations)
    };
  }

  private static RTCPReportBlock[] reportBlocks(List<ReceptionReport> reports) {
    return reports.stream()
        .map(
            report ->
                new RTCPReportBlock(
                    (int) report.ssrc(),
                    report.fractionLost(),
                    report.cumulativeLost(),
                    report.extendedHighestSequenceNumber(),
                    (int) report.jitter(),
                    report.lastSenderReport(),
                    report.delaySinceLastSenderReport()))
        .toArray(RTCPReportBlock[]::new);
  }

  /**
   * libjitsi's input for building TWCC feedback: received sequence numbers to arrival times in
   * whole milliseconds (its resolution); lost ones left out, as its callers do.
   */
  static PacketMap twccPacketMap(List<TwccArrival> arrivals) {
    PacketMap map = new PacketMap();
    for (TwccArrival arrival : arrivals) {
      if (arrival.received()) {
        map.put(arrival.sequenceNumber(), arrival.arrivalTimeMicros() / 1000);
      }
    }
    return map;
  }

  /** libjitsi's encoder: always two-bit status vectors, millisecond deltas. */
  static RTCPTCCPacket buildTwcc(PacketMap arrivals, long senderSsrc, long mediaSsrc, int count) {
    return new RTCPTCCPacket(senderSsrc, mediaSsrc, arrivals, (byte) count, DIAGNOSTIC_CONTEXT);
  }

  private static final DiagnosticContext DIAGNOSTIC_CONTEXT = new DiagnosticContext();

  /** Fails unless FMJ read every field of the SR+SDES compound as ortc4j did. */
  static void checkSenderReportAndSdes(RTCPCompoundPacket parsed, List<RtcpPacket> expected) {
    check(parsed.packets.length == 2, "SR+SDES: " + parsed.packets.length + " packets");
    SenderReport sr = (SenderReport) expected.get(0);
    RTCPSRPacket jitsiSr = as(RTCPSRPacket.class, parsed.packets[0]);
    check(
        (jitsiSr.ssrc & 0xffff_ffffL) == sr.ssrc()
            && (jitsiSr.ntptimestampmsw << 32 | jitsiSr.ntptimestamplsw) == sr.ntpTimestamp()
            && jitsiSr.rtptimestamp == sr.rtpTimestamp()
            && jitsiSr.packetcount == sr.packetCount()
            && jitsiSr.octetcount == sr.octetCount(),
        "SR sender info differs: " + jitsiSr);
    checkReportBlocks(jitsiSr.reports, sr.reports());
    SourceDescription sdes = (SourceDescription) expected.get(1);
    RTCPSDESPacket jitsiSdes = as(RTCPSDESPacket.class, parsed.packets[1]);
    check(jitsiSdes.sdes.length == 1, "SDES: " + jitsiSdes.sdes.length + " chunks");
    RTCPSDES chunk = jitsiSdes.sdes[0];
    byte[] cname = sdes.chunks().get(0).cname().orElseThrow().getBytes(StandardCharsets.UTF_8);
    check(
        (chunk.ssrc & 0xffff_ffffL) == sdes.chunks().get(0).source()
            && chunk.items.length == 1
            && chunk.items[0].type == RTCPSDESItem.CNAME
            && Arrays.equals(chunk.items[0].data, cname),
        "SDES differs: " + jitsiSdes);
  }

  /** Fails unless FMJ and libjitsi read every field of the RR+REMB compound as ortc4j did. */
  static void checkReceiverReportAndRemb(RTCPCompoundPacket parsed, List<RtcpPacket> expected) {
    check(parsed.packets.length == 2, "RR+REMB: " + parsed.packets.length + " packets");
    ReceiverReport rr = (ReceiverReport) expected.get(0);
    RTCPRRPacket jitsiRr = as(RTCPRRPacket.class, parsed.packets[0]);
    check((jitsiRr.ssrc & 0xffff_ffffL) == rr.ssrc(), "RR SSRC differs: " + jitsiRr);
    checkReportBlocks(jitsiRr.reports, rr.reports());
    ReceiverEstimatedMaxBitrate remb = (ReceiverEstimatedMaxBitrate) expected.get(1);
    RTCPREMBPacket jitsiRemb = as(RTCPREMBPacket.class, parsed.packets[1]);
    long[] destinations = remb.ssrcs().stream().mapToLong(Long::longValue).toArray();
    check(
        jitsiRemb.senderSSRC == remb.senderSsrc()
            && jitsiRemb.sourceSSRC == remb.mediaSsrc()
            && jitsiRemb.getBitrate() == remb.bitrate()
            && Arrays.equals(jitsiRemb.getDest(), destinations),
        "REMB differs: " + jitsiRemb);
  }

  private static void checkReportBlocks(RTCPReportBlock[] blocks, List<ReceptionReport> reports) {
    check(blocks.length == reports.size(), blocks.length + " report blocks");
    for (int i = 0; i < blocks.length; i++) {
      RTCPReportBlock block = blocks[i];
      ReceptionReport report = reports.get(i);
      check(
          (block.getSSRC() & 0xffff_ffffL) == report.ssrc()
              && block.getFractionLost() == report.fractionLost()
              && block.getNumLost() == report.cumulativeLost()
              && block.getXtndSeqNum() == report.extendedHighestSequenceNumber()
              && block.getJitter() == report.jitter()
              && block.getLSR() == report.lastSenderReport()
              && block.getDLSR() == report.delaySinceLastSenderReport(),
          "report block " + i + " differs: " + block);
    }
  }

  /**
   * Fails unless libjitsi, asked for the packets of the parsed feedback, finds the received ones
   * with the arrival times ortc4j computes (libjitsi keeps them in 250 µs units, and leaves the
   * lost ones out).
   */
  static void checkTwcc(RTCPCompoundPacket parsed, TransportWideCcFeedback expected) {
    check(parsed.packets.length == 1, "TWCC: " + parsed.packets.length + " packets");
    RTCPTCCPacket tcc = as(RTCPTCCPacket.class, parsed.packets[0]);
    check(
        tcc.senderSSRC == expected.senderSsrc()
            && tcc.sourceSSRC == expected.mediaSsrc()
            && tcc.getFbPacketCount() == expected.feedbackPacketCount(),
        "TWCC header differs: " + tcc.senderSSRC + " " + tcc.sourceSSRC);
    Map<Integer, Long> received = new TreeMap<>();
    for (TwccPacketResult result : expected.packetResults()) {
      if (result.received()) {
        received.put(result.sequenceNumber(), result.arrivalTimeMicros() / 250);
      }
    }
    check(
        new TreeMap<>(tcc.getPackets()).equals(received),
        "TWCC packets differ: libjitsi " + tcc.getPackets() + ", ortc4j " + received);
  }

  static void checkBytes(byte[] actual, byte[] expected, String what) {
    check(Arrays.equals(actual, expected), what + ": libjitsi wrote other bytes than ortc4j");
  }

  private static <T> T as(Class<T> type, RTCPPacket packet) {
    check(type.isInstance(packet), "expected " + type.getSimpleName() + ", got " + packet);
    return type.cast(packet);
  }

  private static void check(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException("libjitsi disagrees with ortc4j: " + message);
    }
  }
}
