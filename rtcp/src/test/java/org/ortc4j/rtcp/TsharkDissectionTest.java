package org.ortc4j.rtcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.ortc4j.rtp.RtpHeader;
import org.ortc4j.rtp.RtpPacket;
import org.ortc4j.rtp.RtpRandom;

/**
 * An independent check of what we write: random packets of every type, random compounds and RTP
 * packets with every header-extension form go into a pcap, and Wireshark's dissector (tshark)
 * must read each one as the types we wrote, without a malformed flag or an error-level expert
 * note. The test fails — never skips — when tshark is not installed.
 */
class TsharkDissectionTest {
  private static final int RTP_PORT = 5004;
  private static final int RTCP_PORT = 5005;
  private static final int SAMPLES_PER_TYPE = 40;

  @Test
  void tsharkReadsEveryPacketWeWrite() throws Exception {
    Random random = new Random(0x75_4a_72_6bL);
    List<Expected> expected = new ArrayList<>();
    PcapWriter pcap = new PcapWriter();
    for (Function<Random, RtcpPacket> generator : generatorsTsharkKnows()) {
      for (int i = 0; i < SAMPLES_PER_TYPE; i++) {
        addRtcp(pcap, expected, List.of(forTshark(generator.apply(random))));
      }
    }
    for (int i = 0; i < 200; i++) {
      addRtcp(pcap, expected, compound(random));
    }
    for (int i = 0; i < 300; i++) {
      RtpPacket packet = forTshark(RtpRandom.randomPacket(random), random);
      pcap.udp(RTP_PORT, RTP_PORT, packet.serialize());
      expected.add(new Expected("RTP", List.of(), packet.header().ssrc()));
    }
    // kept under target/ so that a failure can be looked at with tshark -V or Wireshark
    Path file = Files.createDirectories(Path.of("target", "tshark")).resolve("ortc4j.pcap");
    pcap.writeTo(file);

    List<String[]> rows =
        Tshark.fields(
            file,
            List.of("udp.port==" + RTCP_PORT + ",rtcp", "udp.port==" + RTP_PORT + ",rtp"),
            List.of("frame.number", "_ws.malformed", "_ws.expert.severity", "_ws.expert.message",
                "rtcp.pt", "rtp.ssrc"));

    assertThat(rows).hasSize(pcap.frames());
    for (int i = 0; i < rows.size(); i++) {
      checkFrame(expected.get(i), rows.get(i), file);
    }
  }

  /**
   * Every generator but the raw one: a packet we keep raw is one of a type that neither we nor
   * Wireshark decode, so there is nothing for tshark to vouch for.
   */
  private static List<Function<Random, RtcpPacket>> generatorsTsharkKnows() {
    List<Function<Random, RtcpPacket>> generators = new ArrayList<>(AllPacketsRandom.GENERATORS);
    generators.remove(generators.size() - 1);
    return generators;
  }

  private static List<RtcpPacket> compound(Random random) {
    List<RtcpPacket> packets = new ArrayList<>();
    for (RtcpPacket packet : AllPacketsRandom.compound(random)) {
      if (!(packet instanceof RawPacket)) {
        packets.add(forTshark(packet));
      }
    }
    return packets;
  }

  /**
   * Wireshark hands the payload of some payload types to codec dissectors (static types such as
   * 26 JPEG or 34 H.263, and by default 99 as RFC 2198 redundancy, 101 as telephone events) and
   * reads 72-76 with the marker bit as RTCP (RFC 5761), which random payloads would trip: the
   * samples use payload types whose payload Wireshark leaves alone. The header is what we check.
   */
  private static RtpPacket forTshark(RtpPacket packet, Random random) {
    int[] plainTypes = {0, 8, 9, 96, 97, 100, 102, 111, 120, 127};
    RtpHeader header = packet.header();
    RtpHeader plain = new RtpHeader(header.marker(), plainTypes[random.nextInt(plainTypes.length)],
        header.sequenceNumber(), header.timestamp(), header.ssrc(), header.csrcs(),
        header.extension());
    return new RtpPacket(plain, packet.payload(), packet.paddingLength());
  }

  /**
   * Wireshark reads the profile-specific extensions of SR and RR as Microsoft's type-length
   * elements (MS-RTP), so random extension bytes would trip it; give it one padding element
   * (type 6) of the same size instead, which keeps the framing we want checked.
   */
  private static RtcpPacket forTshark(RtcpPacket packet) {
    if (packet instanceof SenderReport sr && sr.profileExtensions().length > 0) {
      return new SenderReport(sr.ssrc(), sr.ntpTimestamp(), sr.rtpTimestamp(), sr.packetCount(),
          sr.octetCount(), sr.reports(), msPadding(sr.profileExtensions().length), sr.padding());
    }
    if (packet instanceof ReceiverReport rr && rr.profileExtensions().length > 0) {
      return new ReceiverReport(
          rr.ssrc(), rr.reports(), msPadding(rr.profileExtensions().length), rr.padding());
    }
    return packet;
  }

  /**
   * Wireshark 4.0 dissects RTCP padding (P bit) as part of the packet's content and then flags
   * the packet malformed, whatever its type, so padding is left to our own round-trip tests:
   * here it is cut off, and the content zero-filled to a word boundary as the length field
   * needs. TWCC, whose content need not fill words, is rebuilt without padding instead.
   */
  private static byte[] withoutPadding(RtcpPacket packet) {
    if (packet instanceof TransportWideCcFeedback twcc) {
      return new TransportWideCcFeedback(twcc.senderSsrc(), twcc.mediaSsrc(),
          twcc.baseSequenceNumber(), twcc.packetStatusCount(), twcc.referenceTime(),
          twcc.feedbackPacketCount(), twcc.packetChunks(), twcc.receiveDeltas()).serialize();
    }
    byte[] bytes = packet.serialize();
    if (packet.padding() == 0) {
      return bytes;
    }
    byte[] stripped = Arrays.copyOf(bytes, bytes.length - packet.padding());
    stripped[0] &= (byte) ~0x20;
    stripped[2] = (byte) ((stripped.length / 4 - 1) >>> 8);
    stripped[3] = (byte) (stripped.length / 4 - 1);
    return stripped;
  }

  private static byte[] msPadding(int length) {
    byte[] element = new byte[length];
    element[1] = 6;
    element[2] = (byte) (length >>> 8);
    element[3] = (byte) length;
    return element;
  }

  private static void addRtcp(PcapWriter pcap, List<Expected> expected, List<RtcpPacket> packets)
      throws RtcpParseException {
    java.io.ByteArrayOutputStream datagram = new java.io.ByteArrayOutputStream();
    for (RtcpPacket packet : packets) {
      datagram.writeBytes(withoutPadding(forTshark(packet)));
    }
    byte[] bytes = datagram.toByteArray();
    assertThat(RtcpCompound.parse(bytes)).extracting(RtcpPacket::packetType)
        .containsExactlyElementsOf(packets.stream().map(RtcpPacket::packetType).toList());
    pcap.udp(RTCP_PORT, RTCP_PORT, bytes);
    List<Integer> types = packets.stream().map(RtcpPacket::packetType).collect(Collectors.toList());
    expected.add(new Expected(describe(packets), types, -1));
  }

  private static String describe(List<RtcpPacket> packets) {
    return packets.stream().map(p -> p.getClass().getSimpleName()).collect(Collectors.joining("+"));
  }

  private static void checkFrame(Expected expected, String[] row, Path file) {
    String frame = row[0];
    String context = "frame " + frame + " (" + expected.what + ") of " + file;
    assertThat(row[1]).as("malformed flag, %s", context).isEmpty();
    assertThat(severities(row[2])).as("expert notes %s, %s", row[3], context).noneMatch(s -> s >= ERROR);
    if (expected.rtcpTypes.isEmpty()) {
      assertThat(row[5]).as("RTP SSRC, %s", context).isNotEmpty();
      assertThat(Long.decode(row[5])).as("RTP SSRC, %s", context).isEqualTo(expected.rtpSsrc);
    } else {
      assertThat(row[4]).as("RTCP packet types, %s", context).isNotEmpty();
      List<Integer> types =
          Arrays.stream(row[4].split(",")).map(Integer::parseInt).collect(Collectors.toList());
      assertThat(types).as("RTCP packet types, %s", context).isEqualTo(expected.rtcpTypes);
    }
  }

  /** Wireshark's PI_ERROR severity. */
  private static final int ERROR = 0x00800000;

  private static List<Integer> severities(String field) {
    if (field.isEmpty()) {
      return List.of();
    }
    return Arrays.stream(field.split(",")).map(Integer::decode).collect(Collectors.toList());
  }

  private record Expected(String what, List<Integer> rtcpTypes, long rtpSsrc) {}
}
