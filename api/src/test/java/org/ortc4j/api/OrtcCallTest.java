package org.ortc4j.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactivex.rxjava3.subscribers.TestSubscriber;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ortc4j.dtls.DtlsRole;
import org.ortc4j.ice.IceConnectionState;
import org.ortc4j.ice.IceGatheringState;
import org.ortc4j.ice.IceRole;
import org.ortc4j.rtcp.NackPair;
import org.ortc4j.rtcp.NtpTime;
import org.ortc4j.rtcp.PictureLossIndication;
import org.ortc4j.rtcp.ReceiverEstimatedMaxBitrate;
import org.ortc4j.rtcp.ReceiverReport;
import org.ortc4j.rtcp.ReceptionReport;
import org.ortc4j.rtcp.RtcpPacket;
import org.ortc4j.rtcp.SenderReport;
import org.ortc4j.rtcp.TransportLayerNack;
import org.ortc4j.rtcp.TransportWideCcFeedback;
import org.ortc4j.rtcp.TwccArrival;
import org.ortc4j.rtp.RtpHeader;
import org.ortc4j.rtp.RtpPacket;
import org.ortc4j.srtp.SrtpProfile;

/**
 * The ORTC sequence of Pion's ortc example, for real on 127.0.0.1: gather, signal parameters
 * and trickled candidates, start ICE (one side controlling), start DTLS, exchange RTP both ways
 * and RTCP of every common kind, stop; with the exact state sequences on both sides.
 */
class OrtcCallTest {
  private static final long SSRC_A = 0x1111_1111L;
  private static final long SSRC_B = 0xBBBB_BBBBL;
  private static final int PACKETS = 40;

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void twoPeersConnectExchangeMediaAndStop(SrtpProfile profile) throws Exception {
    OrtcSettings settings = TestPeer.settings().srtpProfiles(profile).build();
    try (TestCall call = new TestCall(settings, settings)) {
      TestPeer a = call.controlling;
      TestPeer b = call.controlled;
      TestSubscriber<RtpPacket> atB = b.dtls.readRtp(SSRC_A).test();
      TestSubscriber<RtpPacket> atA = a.dtls.readRtp(SSRC_B).test();
      TestSubscriber<RtcpPacket> rtcpAtB = b.dtls.readRtcp().test();
      TestSubscriber<RtcpPacket> rtcpAtA = a.dtls.readRtcp().test();

      call.connect().get(TestPeer.WAIT.toSeconds(), TimeUnit.SECONDS);

      assertThat(a.dtls.role()).contains(DtlsRole.SERVER); // ICE controlling = DTLS server
      assertThat(b.dtls.role()).contains(DtlsRole.CLIENT);
      assertThat(a.dtls.srtpProfile()).contains(profile);
      assertThat(b.dtls.srtpProfile()).contains(profile);
      assertThat(a.dtls.cipherSuite()).isPresent().isEqualTo(b.dtls.cipherSuite());
      assertThat(a.dtls.getRemoteCertificate())
          .isEqualTo(b.dtls.getCertificates().get(0).der());
      assertThat(b.dtls.getRemoteX509Certificate())
          .contains(a.dtls.getCertificates().get(0).x509());
      assertThat(a.ice.role()).contains(IceRole.CONTROLLING);
      assertThat(a.ice.selectedPair()).isPresent();

      for (int i = 0; i < PACKETS; i++) {
        a.dtls.writeRtp(packet(SSRC_A, i));
        b.dtls.writeRtp(packet(SSRC_B, i).header(), packet(SSRC_B, i).payload());
      }
      atB.awaitCount(PACKETS);
      atA.awaitCount(PACKETS);
      assertThat(atB.values()).containsExactlyElementsOf(sent(SSRC_A));
      assertThat(atA.values()).containsExactlyElementsOf(sent(SSRC_B));

      List<RtcpPacket> feedback = feedback(SSRC_B, SSRC_A);
      b.dtls.writeRtcp(feedback.subList(0, 2)); // each compound starts with a report
      b.dtls.writeRtcp(feedback.subList(2, feedback.size()));
      a.dtls.writeRtcp(List.of(senderReport(SSRC_A)));
      rtcpAtA.awaitCount(feedback.size());
      rtcpAtB.awaitCount(1);
      assertThat(rtcpAtA.values()).containsExactlyElementsOf(feedback);
      assertThat(rtcpAtB.values()).containsExactly(senderReport(SSRC_A));

      MediaCounters counters = b.dtls.counters();
      assertThat(counters.rtpReceived()).isEqualTo(PACKETS);
      assertThat(counters.rtpSent()).isEqualTo(PACKETS);
      assertThat(counters.authFailures() + counters.replayed() + counters.readerDrops()
          + counters.unrouted() + counters.malformed()).isZero();

      b.dtls.stop();
      assertThat(a.dtlsStates.await(DtlsTransportState.CLOSED, TestPeer.WAIT))
          .as("close_notify reached the peer").isTrue();
      b.ice.stop();
      a.ice.stop();
      atA.awaitDone(TestPeer.WAIT.toSeconds(), TimeUnit.SECONDS).assertComplete();

      List<DtlsTransportState> dtlsSequence = List.of(DtlsTransportState.NEW,
          DtlsTransportState.CONNECTING, DtlsTransportState.CONNECTED, DtlsTransportState.CLOSED);
      assertThat(a.dtlsStates.values()).isEqualTo(dtlsSequence);
      assertThat(b.dtlsStates.values()).isEqualTo(dtlsSequence);
      for (TestPeer peer : List.of(a, b)) {
        assertThat(peer.iceStates.awaitCompletion(TestPeer.WAIT)).isTrue();
        assertThat(peer.iceStates.values()).startsWith(IceConnectionState.NEW,
            IceConnectionState.CHECKING, IceConnectionState.CONNECTED)
            .endsWith(IceConnectionState.CLOSED)
            .doesNotContain(IceConnectionState.FAILED, IceConnectionState.DISCONNECTED);
        assertThat(peer.gathererStates.awaitCompletion(TestPeer.WAIT)).isTrue();
        assertThat(peer.gathererStates.values()).containsExactly(IceGatheringState.NEW,
            IceGatheringState.GATHERING, IceGatheringState.COMPLETE, IceGatheringState.CLOSED);
      }
    }
  }

  static RtpPacket packet(long ssrc, int i) {
    byte[] payload = ("payload " + i + " of " + Long.toHexString(ssrc))
        .getBytes(StandardCharsets.US_ASCII);
    return new RtpPacket(new RtpHeader(i == 0, 111, 0xFFF0 + i & 0xFFFF, 960L * i, ssrc),
        payload);
  }

  private static List<RtpPacket> sent(long ssrc) {
    List<RtpPacket> packets = new ArrayList<>();
    for (int i = 0; i < PACKETS; i++) {
      packets.add(packet(ssrc, i));
    }
    return packets;
  }

  static SenderReport senderReport(long ssrc) {
    return new SenderReport(ssrc, NtpTime.fromInstant(Instant.parse("2026-11-22T00:00:00Z")),
        960L * PACKETS, PACKETS, PACKETS * 20L, List.of());
  }

  /** What a video receiver sends back: RR, NACK, PLI, REMB, TWCC. */
  static List<RtcpPacket> feedback(long sender, long media) {
    ReceptionReport block = new ReceptionReport(media, 0, 0, 0x1_0017L, 3, 0, 0);
    List<TwccArrival> arrivals = List.of(new TwccArrival(10, true, 64_000),
        new TwccArrival(11, false, 0), new TwccArrival(12, true, 70_000));
    return List.of(
        new ReceiverReport(sender, List.of(block)),
        new TransportLayerNack(sender, media, List.of(new NackPair(0xFFF3, 0b101))),
        new ReceiverReport(sender, List.of()),
        new PictureLossIndication(sender, media),
        ReceiverEstimatedMaxBitrate.of(sender, 1_500_000, List.of(media)),
        TransportWideCcFeedback.fromArrivals(sender, media, 10, 1, 0, arrivals));
  }
}
