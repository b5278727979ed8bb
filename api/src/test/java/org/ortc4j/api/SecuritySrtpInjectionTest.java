package org.ortc4j.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactivex.rxjava3.subscribers.TestSubscriber;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ortc4j.api.internal.PacketClass;
import org.ortc4j.ice.IceSendStatus;
import org.ortc4j.rtcp.RtcpCompound;
import org.ortc4j.rtcp.RtcpPacket;
import org.ortc4j.rtp.RtpPacket;
import org.ortc4j.srtp.SrtpContext;
import org.ortc4j.srtp.SrtpOptions;
import org.ortc4j.srtp.SrtpProfile;
import org.ortc4j.srtp.SrtpStatus;

/**
 * Nobody can inject SRTP or SRTCP into a connected call. From the selected remote's own address
 * (the real peer's ICE socket: what a relay or tap on the path can send) forged packets — genuine
 * ones with a random authentication tag, packets protected under another key for the same SSRC
 * and indexes, captured packets replayed — are counted as authentication failures or replays and
 * never delivered, and the genuine packets they raced still are, once each. From any other
 * address the same packets never reach SRTP at all: the ICE connection drops them. Every SRTP
 * profile.
 */
class SecuritySrtpInjectionTest {
  private static final long SSRC = 0x1213_1415L;
  private static final int GENUINE = 5;
  private static final SecureRandom RANDOM = new SecureRandom();

  private TestCall call;

  @AfterEach
  void hangUp() {
    if (call != null) {
      call.close();
    }
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void forgeriesFromTheSelectedRemoteAreCountedAndNeverDelivered(SrtpProfile profile)
      throws Exception {
    TestPeer b = connect(profile);
    TestPeer a = call.controlling;
    DatagramTap tap = DatagramTap.install(b);
    AtomicInteger heldMedia = new AtomicInteger();
    tap.holdWhen(d -> isMedia(d) && heldMedia.incrementAndGet() <= GENUINE + 1, false);
    TestSubscriber<RtpPacket> reader = b.dtls.readRtp(SSRC).test();
    TestSubscriber<RtcpPacket> rtcpReader = b.dtls.readRtcp().test();
    for (int i = 0; i < GENUINE; i++) {
      a.dtls.writeRtp(MediaRobustnessTest.packet(SSRC, i));
    }
    a.dtls.writeRtcp(List.of(OrtcCallTest.senderReport(SSRC)));
    awaitAtLeast(() -> tap.held().size(), GENUINE + 1);
    List<byte[]> genuine = tap.held(); // kept back: their indexes are still unused at b

    List<byte[]> forged = new ArrayList<>();
    for (byte[] packet : genuine) {
      forged.add(withRandomTag(packet, profile));
    }
    SrtpContext otherKey = SrtpContext.outbound(profile, random(profile.keyLength()),
        random(profile.saltLength()), SrtpOptions.defaults());
    for (int i = 0; i < GENUINE; i++) {
      forged.add(protectRtp(otherKey, MediaRobustnessTest.packet(SSRC, i)));
    }
    forged.add(protectRtcp(otherKey, List.of(OrtcCallTest.senderReport(SSRC))));
    sendFrom(a, forged);
    awaitAtLeast(() -> b.dtls.counters().authFailures(), forged.size());
    assertThat(reader.values()).isEmpty();

    tap.release();
    awaitCount(reader, GENUINE);
    awaitCount(rtcpReader, 1);
    sendFrom(a, genuine); // now replays
    awaitAtLeast(() -> b.dtls.counters().replayed(), genuine.size());
    a.dtls.writeRtp(MediaRobustnessTest.packet(SSRC, GENUINE)); // the call goes on
    awaitCount(reader, GENUINE + 1);

    assertThat(reader.values()).isEqualTo(packets(GENUINE + 1));
    assertThat(rtcpReader.values()).hasSize(1);
    MediaCounters counters = b.dtls.counters();
    assertThat(counters.authFailures()).isEqualTo(forged.size());
    assertThat(counters.replayed()).isEqualTo(genuine.size());
    assertThat(counters.rtpReceived()).isEqualTo(GENUINE + 1);
    assertThat(counters.rtcpReceived()).isEqualTo(1);
    assertThat(counters.unrouted() + counters.malformed() + counters.otherSrtpDrops()).isZero();
    assertThat(tap.thrown()).isEmpty();
  }

  @Test
  void theSamePacketsFromAnotherAddressNeverReachSrtp() throws Exception {
    TestPeer b = connect(SrtpProfile.AEAD_AES_128_GCM);
    TestPeer a = call.controlling;
    DatagramTap tap = DatagramTap.install(b);
    TestSubscriber<RtpPacket> reader = b.dtls.readRtp(SSRC).test();
    for (int i = 0; i < GENUINE; i++) {
      a.dtls.writeRtp(MediaRobustnessTest.packet(SSRC, i));
    }
    a.dtls.writeRtcp(List.of(OrtcCallTest.senderReport(SSRC)));
    awaitCount(reader, GENUINE);
    List<byte[]> captured = new ArrayList<>(tap.passed(PacketClass.RTP));
    captured.addAll(tap.passed(PacketClass.RTCP));
    SrtpContext otherKey = SrtpContext.outbound(SrtpProfile.AEAD_AES_128_GCM,
        random(16), random(12), SrtpOptions.defaults());
    List<byte[]> forged = new ArrayList<>(captured);
    for (int i = GENUINE; i < 2 * GENUINE; i++) { // fresh indexes, wrong key
      forged.add(protectRtp(otherKey, MediaRobustnessTest.packet(SSRC, i)));
    }
    long droppedBefore = b.ice.connection().stats().droppedUnknownSource();
    MediaCounters before = b.dtls.counters();

    try (SecurityStranger stranger = new SecurityStranger()) {
      for (byte[] datagram : forged) {
        stranger.send(datagram, b.gatherer.getLocalCandidates().get(0));
      }
      awaitAtLeast(() -> b.ice.connection().stats().droppedUnknownSource(),
          droppedBefore + forged.size());
    }
    a.dtls.writeRtp(MediaRobustnessTest.packet(SSRC, GENUINE));
    awaitCount(reader, GENUINE + 1);

    assertThat(reader.values()).isEqualTo(packets(GENUINE + 1));
    MediaCounters after = b.dtls.counters();
    assertThat(after.authFailures() + after.replayed() + after.otherSrtpDrops())
        .isEqualTo(before.authFailures() + before.replayed() + before.otherSrtpDrops());
    assertThat(after.rtpReceived()).isEqualTo(before.rtpReceived() + 1);
  }

  // -- helpers ------------------------------------------------------------------------------

  private TestPeer connect(SrtpProfile profile) throws Exception {
    OrtcSettings settings = TestPeer.settings().srtpProfiles(profile).build();
    call = new TestCall(settings, settings);
    Outcomes.success(call.connect());
    assertThat(call.controlled.dtls.srtpProfile()).contains(profile);
    return call.controlled;
  }

  private static boolean isMedia(byte[] d) {
    PacketClass kind = PacketClass.of(d, 0, d.length);
    return kind == PacketClass.RTP || kind == PacketClass.RTCP;
  }

  /**
   * The packet with its authentication tag replaced by random bytes. SRTP: the tag ends the
   * packet. SRTCP: with AES-CM the E flag and index come before the tag; with AEAD the tag is
   * part of the ciphertext, before the E flag and index (RFC 7714 §9.1).
   */
  private static byte[] withRandomTag(byte[] packet, SrtpProfile profile) {
    boolean rtcp = PacketClass.of(packet, 0, packet.length) == PacketClass.RTCP;
    int tag = rtcp ? profile.rtcpTagLength() : profile.rtpTagLength();
    int end = rtcp && profile.isAead() ? packet.length - 4 : packet.length;
    byte[] copy = packet.clone();
    System.arraycopy(random(tag), 0, copy, end - tag, tag);
    if (Arrays.equals(copy, packet)) {
      copy[end - 1] ^= 1; // never the genuine tag, however unlikely
    }
    return copy;
  }

  private static byte[] protectRtp(SrtpContext context, RtpPacket packet) {
    byte[] plain = packet.serialize();
    byte[] buf = Arrays.copyOf(plain, plain.length + context.rtpOverhead());
    assertThat(context.protectRtp(buf, 0, plain.length)).isEqualTo(SrtpStatus.OK);
    return buf;
  }

  private static byte[] protectRtcp(SrtpContext context, List<RtcpPacket> packets) {
    byte[] plain = RtcpCompound.serialize(packets);
    byte[] buf = Arrays.copyOf(plain, plain.length + context.rtcpOverhead());
    assertThat(context.protectRtcp(buf, 0, plain.length)).isEqualTo(SrtpStatus.OK);
    return buf;
  }

  private static void sendFrom(TestPeer peer, List<byte[]> datagrams) {
    for (byte[] d : datagrams) {
      assertThat(peer.ice.connection().send(d, 0, d.length)).isEqualTo(IceSendStatus.SENT);
    }
  }

  private static List<RtpPacket> packets(int count) {
    List<RtpPacket> list = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      list.add(MediaRobustnessTest.packet(SSRC, i));
    }
    return list;
  }

  private static byte[] random(int length) {
    byte[] b = new byte[length];
    RANDOM.nextBytes(b);
    return b;
  }

  private static <T> void awaitCount(TestSubscriber<T> subscriber, int count) {
    long deadline = System.nanoTime() + TestPeer.WAIT.toNanos();
    while (subscriber.values().size() < count && System.nanoTime() < deadline) {
      subscriber.awaitCount(count); // waits up to 5 s each time
    }
    assertThat(subscriber.values()).hasSizeGreaterThanOrEqualTo(count);
  }

  private static void awaitAtLeast(LongSupplier count, long atLeast) {
    long deadline = System.nanoTime() + TestPeer.WAIT.toNanos();
    while (count.getAsLong() < atLeast && System.nanoTime() < deadline) {
      java.util.concurrent.locks.LockSupport.parkNanos(5_000_000); // bounded poll
    }
    assertThat(count.getAsLong()).isGreaterThanOrEqualTo(atLeast);
  }
}
