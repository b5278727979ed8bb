package org.ortc4j.samples.peer;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.ortc4j.rtcp.ApplicationDefined;
import org.ortc4j.rtcp.ExtendedReport;
import org.ortc4j.rtcp.FullIntraRequest;
import org.ortc4j.rtcp.Goodbye;
import org.ortc4j.rtcp.PictureLossIndication;
import org.ortc4j.rtcp.ReceiverEstimatedMaxBitrate;
import org.ortc4j.rtcp.ReceiverReport;
import org.ortc4j.rtcp.ReceptionReport;
import org.ortc4j.rtcp.RtcpPacket;
import org.ortc4j.rtcp.SenderReport;
import org.ortc4j.rtcp.SourceDescription;
import org.ortc4j.rtcp.TransportLayerNack;
import org.ortc4j.rtcp.TransportWideCcFeedback;
import org.ortc4j.rtp.RtpPacket;

/** The fields of the {@code rtp} and {@code rtcp} events (shared/signal.md). */
final class MediaEvents {
  private MediaEvents() {}

  /**
   * @param n how many RTP packets have been received, this one included
   */
  static Map<String, Object> rtp(RtpPacket packet, long n) {
    var h = packet.header();
    Map<String, Object> fields = PeerEvents.fields("ssrc", h.ssrc(), "pt", h.payloadType(),
        "seq", h.sequenceNumber(), "ts", h.timestamp(), "marker", h.marker(), "n", n);
    byte[] payload = packet.payload();
    if (printable(payload)) {
      fields.put("payload", new String(payload, StandardCharsets.US_ASCII));
    } else {
      fields.put("payloadLen", payload.length);
      fields.put("payloadHex", HexFormat.of().formatHex(payload, 0, Math.min(payload.length, 64)));
    }
    return fields;
  }

  static Map<String, Object> rtcp(RtcpPacket packet) {
    Map<String, Object> fields =
        PeerEvents.fields("type", packet.packetType(), "name", name(packet));
    if (packet instanceof SenderReport sr) {
      fields.put("ssrc", sr.ssrc());
      fields.put("packetCount", sr.packetCount());
      fields.put("reports", reports(sr.reports()));
    } else if (packet instanceof ReceiverReport rr) {
      fields.put("ssrc", rr.ssrc());
      fields.put("reports", reports(rr.reports()));
    } else if (packet instanceof PictureLossIndication pli) {
      fields.put("ssrc", pli.senderSsrc());
      fields.put("mediaSsrc", pli.mediaSsrc());
    } else if (packet instanceof TransportLayerNack nack) {
      fields.put("ssrc", nack.senderSsrc());
      fields.put("mediaSsrc", nack.mediaSsrc());
      fields.put("lost", nack.lostSequenceNumbers());
    } else {
      fields.put("destinations", packet.destinationSsrcs());
    }
    return fields;
  }

  /** The usual short name of an RTCP packet: SR, RR, SDES, BYE, APP, NACK, PLI, FIR, ... */
  static String name(RtcpPacket packet) {
    if (packet instanceof SenderReport) {
      return "SR";
    } else if (packet instanceof ReceiverReport) {
      return "RR";
    } else if (packet instanceof SourceDescription) {
      return "SDES";
    } else if (packet instanceof Goodbye) {
      return "BYE";
    } else if (packet instanceof ApplicationDefined) {
      return "APP";
    } else if (packet instanceof TransportLayerNack) {
      return "NACK";
    } else if (packet instanceof PictureLossIndication) {
      return "PLI";
    } else if (packet instanceof FullIntraRequest) {
      return "FIR";
    } else if (packet instanceof ReceiverEstimatedMaxBitrate) {
      return "REMB";
    } else if (packet instanceof TransportWideCcFeedback) {
      return "TWCC";
    } else if (packet instanceof ExtendedReport) {
      return "XR";
    }
    return "PT" + packet.packetType() + "/" + packet.countOrFormat();
  }

  private static List<Map<String, Object>> reports(List<ReceptionReport> reports) {
    return reports.stream()
        .map(r -> PeerEvents.fields("ssrc", r.ssrc(), "fractionLost", r.fractionLost(),
            "cumulativeLost", r.cumulativeLost(),
            "highestSeq", r.extendedHighestSequenceNumber(), "jitter", r.jitter()))
        .toList();
  }

  private static boolean printable(byte[] payload) {
    if (payload.length == 0) {
      return false;
    }
    for (byte b : payload) {
      if (b < 0x20 || b > 0x7e) {
        return false;
      }
    }
    return true;
  }
}
