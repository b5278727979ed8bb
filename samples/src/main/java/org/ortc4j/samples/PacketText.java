package org.ortc4j.samples;

import java.util.List;
import java.util.stream.Collectors;
import org.ortc4j.rtcp.Goodbye;
import org.ortc4j.rtcp.PictureLossIndication;
import org.ortc4j.rtcp.ReceiverEstimatedMaxBitrate;
import org.ortc4j.rtcp.ReceiverReport;
import org.ortc4j.rtcp.ReceptionReport;
import org.ortc4j.rtcp.RtcpPacket;
import org.ortc4j.rtcp.SdesChunk;
import org.ortc4j.rtcp.SenderReport;
import org.ortc4j.rtcp.SourceDescription;
import org.ortc4j.rtcp.TransportLayerNack;
import org.ortc4j.rtcp.TransportWideCcFeedback;
import org.ortc4j.rtcp.TwccPacketResult;
import org.ortc4j.rtcp.TwccStatusSymbol;
import org.ortc4j.rtp.RtpPacket;

/** One-line, human-readable summaries of packets, for the dump. */
final class PacketText {
  private PacketText() {}

  static String of(RtpPacket packet) {
    var header = packet.header();
    return String.format(
        "RTP  pt=%d seq=%d ts=%d ssrc=%s%s ext=%s payload=%d bytes",
        header.payloadType(),
        header.sequenceNumber(),
        header.timestamp(),
        ssrc(header.ssrc()),
        header.marker() ? " marker" : "",
        header.extension() == null
            ? "none"
            : header.extension().elements().stream()
                .map(e -> e.id() + ":" + e.dataLength() + "B")
                .collect(Collectors.joining(",", "[", "]")),
        packet.payloadLength());
  }

  static String of(RtcpPacket packet) {
    if (packet instanceof SenderReport sr) {
      return String.format(
          "SR   ssrc=%s ntp=%s rtp=%d packets=%d octets=%d%s",
          ssrc(sr.ssrc()), sr.wallClock(), sr.rtpTimestamp(), sr.packetCount(), sr.octetCount(),
          reports(sr.reports()));
    }
    if (packet instanceof ReceiverReport rr) {
      return "RR   ssrc=" + ssrc(rr.ssrc()) + reports(rr.reports());
    }
    if (packet instanceof SourceDescription sdes) {
      return "SDES "
          + sdes.chunks().stream().map(PacketText::chunk).collect(Collectors.joining(" "));
    }
    if (packet instanceof Goodbye bye) {
      return "BYE  " + ssrcs(bye.sources()) + bye.reasonText().map(r -> " \"" + r + "\"").orElse("");
    }
    if (packet instanceof TransportLayerNack nack) {
      return "NACK " + ssrc(nack.senderSsrc()) + " -> " + ssrc(nack.mediaSsrc())
          + " lost=" + nack.lostSequenceNumbers();
    }
    if (packet instanceof PictureLossIndication pli) {
      return "PLI  " + ssrc(pli.senderSsrc()) + " -> " + ssrc(pli.mediaSsrc());
    }
    if (packet instanceof ReceiverEstimatedMaxBitrate remb) {
      return "REMB " + remb.bitrate() + " bps for " + ssrcs(remb.ssrcs());
    }
    if (packet instanceof TransportWideCcFeedback twcc) {
      return twcc(twcc);
    }
    return packet.toString();
  }

  private static String twcc(TransportWideCcFeedback twcc) {
    List<TwccPacketResult> results = twcc.packetResults();
    long received =
        results.stream().filter(r -> r.status() != TwccStatusSymbol.NOT_RECEIVED).count();
    return String.format(
        "TWCC %s -> %s fb#%d seq %d..+%d: %d received, %d lost",
        ssrc(twcc.senderSsrc()), ssrc(twcc.mediaSsrc()), twcc.feedbackPacketCount(),
        twcc.baseSequenceNumber(), results.size(), received, results.size() - received);
  }

  private static String chunk(SdesChunk chunk) {
    return ssrc(chunk.source()) + chunk.cname().map(c -> " cname=" + c).orElse("");
  }

  private static String reports(List<ReceptionReport> reports) {
    if (reports.isEmpty()) {
      return "";
    }
    return reports.stream()
        .map(r -> String.format(
            "%s lost=%d (%d/256) highest=%d jitter=%d",
            ssrc(r.ssrc()), r.cumulativeLost(), r.fractionLost(),
            r.extendedHighestSequenceNumber(), r.jitter()))
        .collect(Collectors.joining("; ", " [", "]"));
  }

  private static String ssrcs(List<Long> ssrcs) {
    return ssrcs.stream().map(PacketText::ssrc).collect(Collectors.joining(","));
  }

  private static String ssrc(long ssrc) {
    return String.format("0x%08x", ssrc);
  }
}
