package org.ortc4j.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ortc4j.rtcp.RawPacket;
import org.ortc4j.rtcp.RtcpCompound;
import org.ortc4j.rtcp.RtcpPacket;
import org.ortc4j.rtp.RtpPacket;

/**
 * Real traffic from an independent stack (GStreamer's rtpbin, see captures/README.md): every
 * datagram decodes, every one serializes back to the same bytes, and nothing is left raw that
 * this library claims to decode.
 */
class CaptureRoundTripTest {
  @ParameterizedTest
  @ValueSource(strings = {"gstreamer-vp8-twcc.pcap", "gstreamer-vp8-nack-pli.pcap"})
  void everyDatagramRoundTrips(String capture) throws Exception {
    List<UdpDatagram> datagrams = PcapReader.read(Path.of("captures", capture));
    assertThat(datagrams).hasSizeGreaterThan(20);
    for (UdpDatagram datagram : datagrams) {
      byte[] bytes = datagram.payload();
      if (RtcpDump.isRtcp(bytes)) {
        List<RtcpPacket> packets = RtcpCompound.parse(bytes);
        assertThat(packets).noneMatch(RawPacket.class::isInstance);
        assertThat(RtcpCompound.serialize(packets)).isEqualTo(bytes);
      } else {
        assertThat(RtpPacket.parse(bytes, 0, bytes.length).serialize()).isEqualTo(bytes);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"gstreamer-vp8-twcc.pcap", "gstreamer-vp8-nack-pli.pcap"})
  void theDumpPrintsEveryDatagram(String capture) throws Exception {
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    DumpSummary summary =
        new RtcpDump(new PrintStream(text, true, StandardCharsets.UTF_8))
            .dump(Path.of("captures", capture));
    assertThat(summary.malformed()).isZero();
    assertThat(summary.rtpPackets()).isPositive();
    assertThat(summary.rtcpDatagrams()).isPositive();
    assertThat(text.toString(StandardCharsets.UTF_8)).contains(summary.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"gstreamer-vp8-twcc.pcap", "gstreamer-vp8-nack-pli.pcap"})
  void theCapturesHoldTheTypesTheirReadmeNames(String capture) throws Exception {
    Set<String> kinds = new TreeSet<>();
    for (UdpDatagram datagram : PcapReader.read(Path.of("captures", capture))) {
      if (RtcpDump.isRtcp(datagram.payload())) {
        for (RtcpPacket packet : RtcpCompound.parse(datagram.payload())) {
          kinds.add(packet.getClass().getSimpleName());
        }
      }
    }
    if (capture.contains("twcc")) {
      assertThat(kinds)
          .contains(
              "SenderReport", "ReceiverReport", "SourceDescription", "Goodbye",
              "TransportWideCcFeedback");
    } else {
      assertThat(kinds)
          .contains("ReceiverReport", "SourceDescription", "TransportLayerNack",
              "PictureLossIndication");
    }
  }
}
