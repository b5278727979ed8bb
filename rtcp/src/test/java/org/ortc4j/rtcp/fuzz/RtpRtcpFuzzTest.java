package org.ortc4j.rtcp.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import java.util.List;
import org.ortc4j.rtcp.RtcpCompound;
import org.ortc4j.rtcp.RtcpPacket;
import org.ortc4j.rtcp.RtcpParseException;
import org.ortc4j.rtp.RtpPacket;
import org.ortc4j.rtp.RtpPacketView;
import org.ortc4j.rtp.RtpParseException;

/**
 * Coverage-guided fuzzing of the RTP and RTCP parsers (Jazzer). In {@code mvn verify} each
 * target replays its committed inputs (src/test/resources/.../RtpRtcpFuzzTestInputs/&lt;method&gt;:
 * valid packets of every type, and every input a fuzzing run ever found); {@code .ci/fuzz}
 * fuzzes each for a minute. Anything but a result or our typed parse error is a finding.
 */
class RtpRtcpFuzzTest {

  /** RTP: the codec and the in-place view agree, and what parses serializes back to itself. */
  @FuzzTest(maxDuration = "60s")
  void rtpParse(byte[] data) {
    RtpPacketView view = new RtpPacketView();
    boolean viewed = view.wrap(data, 0, data.length);
    RtpPacket packet;
    try {
      packet = RtpPacket.parse(data, 0, data.length);
    } catch (RtpParseException e) {
      assertThat(e.getMessage()).isNotEmpty();
      return;
    }
    assertThat(viewed).as("the view accepts what the codec accepts").isTrue();
    assertThat(view.ssrc()).isEqualTo(packet.header().ssrc());
    assertThat(view.sequenceNumber()).isEqualTo(packet.header().sequenceNumber());
    assertThat(view.payloadLength()).isEqualTo(packet.payloadLength());
    byte[] again = packet.serialize();
    RtpPacket reparsed = parseRtp(again);
    assertThat(reparsed.header()).isEqualTo(packet.header());
    assertThat(reparsed.payload()).isEqualTo(packet.payload());
  }

  /** RTCP compound: parse -> serialize -> parse gives equal packets. */
  @FuzzTest(maxDuration = "60s")
  void rtcpCompoundRoundTrip(byte[] data) {
    List<RtcpPacket> packets;
    try {
      packets = RtcpCompound.parse(data, 0, data.length);
    } catch (RtcpParseException e) {
      assertThat(e.reason()).isNotNull();
      return;
    }
    byte[] serialized = RtcpCompound.serialize(packets);
    assertThat(serialized).hasSize(packets.stream().mapToInt(RtcpPacket::serializedLength).sum());
    List<RtcpPacket> again;
    try {
      again = RtcpCompound.parse(serialized, 0, serialized.length);
    } catch (RtcpParseException e) {
      throw new AssertionError("our own output does not parse: " + e + " for "
          + Arrays.toString(serialized), e);
    }
    assertThat(again).isEqualTo(packets);
  }

  private static RtpPacket parseRtp(byte[] bytes) {
    try {
      return RtpPacket.parse(bytes, 0, bytes.length);
    } catch (RtpParseException e) {
      throw new AssertionError("our own output does not parse: " + e, e);
    }
  }
}
