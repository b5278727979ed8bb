package org.ortc4j.rtcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ortc4j.rtp.RtpHeader;
import org.ortc4j.rtp.RtpPacket;
import org.ortc4j.rtp.RtpPacketView;

/** The README's "Using rtcp" example, kept compiling and true. */
class ReadmeExampleTest {
  private final long localSsrc = 0x11111111L;
  private final long remoteSsrc = 0x22222222L;

  @Test
  void theExampleRunsAsTheReadmeSays() throws Exception {
    byte[] bytes = RtcpCompound.serialize(List.of(
        new ReceiverReport(localSsrc, List.of()),
        TransportLayerNack.forLostPackets(localSsrc, remoteSsrc, List.of(65534, 65535, 0, 7)),
        new PictureLossIndication(localSsrc, remoteSsrc)));
    assertThat(RtcpCompound.parse(bytes, 0, bytes.length, CompoundValidation.RFC3550)).hasSize(3);

    List<String> actions = new ArrayList<>();
    for (RtcpPacket packet : RtcpCompound.parse(bytes)) {
      if (packet instanceof PictureLossIndication pli) {
        actions.add("key frame for " + Long.toHexString(pli.mediaSsrc()));
      } else if (packet instanceof TransportLayerNack nack) {
        actions.add("retransmit " + nack.lostSequenceNumbers());
      }
    }
    assertThat(actions).containsExactly("retransmit [65534, 65535, 0, 7]", "key frame for 22222222");
    assertThat(RtcpCompound.destinationSsrcs(RtcpCompound.parse(bytes))).containsExactly(remoteSsrc);
  }

  @Test
  void theRtpPartRunsAsTheReadmeSays() throws Exception {
    byte[] datagram = new RtpPacket(new RtpHeader(true, 111, 65535, 960, remoteSsrc), new byte[20])
        .serialize();
    RtpPacket rtp = RtpPacket.parse(datagram, 0, datagram.length);
    RtpHeader header = rtp.header().withExtension(3, new byte[] {0x01, 0x02});
    assertThat(header.extension(3)).hasValueSatisfying(v -> assertThat(v).containsExactly(1, 2));
    RtpPacketView view = new RtpPacketView();
    assertThat(view.wrap(datagram, 0, datagram.length)).isTrue();
    view.setSequenceNumber((view.sequenceNumber() + 1) & 0xffff);
    assertThat(RtpPacket.parse(datagram).header().sequenceNumber()).isZero();
  }
}
