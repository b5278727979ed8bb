package org.ortc4j.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactivex.rxjava3.disposables.Disposable;
import io.reactivex.rxjava3.subscribers.TestSubscriber;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ortc4j.dtls.DtlsConfig;
import org.ortc4j.dtls.DtlsCertificate;
import org.ortc4j.dtls.DtlsException;
import org.ortc4j.dtls.DtlsFailure;
import org.ortc4j.dtls.DtlsSession;
import org.ortc4j.dtls.DtlsSessionListener;
import org.ortc4j.dtls.UdpPacketTransport;
import org.ortc4j.ice.IceCandidate;
import org.ortc4j.ice.IceCandidatePair;
import org.ortc4j.ice.IceConnectionState;
import org.ortc4j.ice.IceGatheringState;
import org.ortc4j.ice.IceRole;
import org.ortc4j.rtcp.RtcpPacket;
import org.ortc4j.rtp.RtpHeader;
import org.ortc4j.srtp.SrtpContext;
import org.ortc4j.srtp.SrtpOptions;
import org.ortc4j.srtp.SrtpProfile;
import org.ortc4j.rtp.RtpPacket;

/**
 * A third party on 127.0.0.1 that knows both peers' candidates (and ufrags) but not the ICE
 * passwords, attacking before, during and after the real call connects: forged connectivity
 * checks (wrong, absent MESSAGE-INTEGRITY; wrong USERNAME) that try to nominate its own address,
 * raw datagrams, DTLS ClientHellos from a real DTLS client, and SRTP-looking packets (random, or
 * properly protected under another key) for the very SSRC the call uses. Nothing it sends is
 * answered with a success, becomes a selected pair, completes a handshake or reaches the media
 * path — the drops are in the ICE connection's counters, none in {@link MediaCounters} — and the
 * real call connects with its states untouched and carries every packet both ways.
 */
class SecurityOffPathTest {
  private static final long A_SSRC = 0x5EC0_000AL;
  private static final long B_SSRC = 0x5EC0_000BL;
  private static final int PACKETS = 10;
  private static final int BURST = 20;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** When the third party strikes, relative to the real call's connect. */
  enum Phase { BEFORE_CONNECT, DURING_CONNECT, AFTER_CONNECT }

  /** What it sends to each candidate of both peers. */
  enum Attack {
    STUN_WRONG_INTEGRITY, STUN_NO_INTEGRITY, STUN_WRONG_USERNAME, RAW_DATAGRAMS,
    SRTP_LOOKING, SRTP_OTHER_KEY, DTLS_CLIENT_HELLO;

    boolean isStun() {
      return name().startsWith("STUN");
    }
  }

  private final TestCall call = new TestCall();
  private final TestPeer a = call.controlling;
  private final TestPeer b = call.controlled;
  private final List<AutoCloseable> resources = new ArrayList<>();
  private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
  private final List<CompletableFuture<DtlsException>> strangerHandshakes =
      Collections.synchronizedList(new ArrayList<>());

  @AfterEach
  void hangUp() throws Exception {
    pacer.shutdownNow();
    assertThat(pacer.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    call.close();
    for (AutoCloseable resource : resources) {
      resource.close();
    }
  }

  static Stream<Arguments> attacks() {
    return Stream.of(Attack.values()).flatMap(attack -> Stream.of(Phase.values())
        .map(phase -> Arguments.of(attack, phase)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("attacks")
  void strangerWithoutThePasswordGetsNothingThrough(Attack attack, Phase phase)
      throws Exception {
    SecurityStranger stranger = track(new SecurityStranger());
    List<IceCandidatePair> pairs = Collections.synchronizedList(new ArrayList<>());
    track(subscription(a.ice.selectedPairs().subscribe(pairs::add)));
    track(subscription(b.ice.selectedPairs().subscribe(pairs::add)));
    TestSubscriber<RtpPacket> atB = b.dtls.readRtp(A_SSRC).test();
    TestSubscriber<RtpPacket> atA = a.dtls.readRtp(B_SSRC).test();
    TestSubscriber<RtcpPacket> rtcpAtB = b.dtls.readRtcp().test();
    gather();
    Runnable strike = () -> strike(attack, stranger);

    if (phase == Phase.BEFORE_CONNECT) {
      strike.run();
      Outcomes.success(start());
    } else if (phase == Phase.DURING_CONNECT) {
      ScheduledFuture<?> repeated = pacer.scheduleAtFixedRate(strike, 0, 20, TimeUnit.MILLISECONDS);
      Outcomes.success(start());
      repeated.cancel(false);
    } else {
      Outcomes.success(start());
      strike.run();
    }
    awaitHandled(attack, stranger);
    exchangeMedia();
    awaitCount(atB, PACKETS);
    awaitCount(atA, PACKETS);
    awaitCount(rtcpAtB, 1);

    assertThat(atB.values()).isEqualTo(packets(A_SSRC));
    assertThat(atA.values()).isEqualTo(packets(B_SSRC));
    assertThat(rtcpAtB.values()).hasSize(1);
    for (TestPeer peer : List.of(a, b)) {
      assertNothingReachedTheMediaPath(peer);
      assertThat(peer.dtlsStates.values()).containsExactly(DtlsTransportState.NEW,
          DtlsTransportState.CONNECTING, DtlsTransportState.CONNECTED);
      assertThat(peer.iceStates.values()).doesNotContain(IceConnectionState.DISCONNECTED,
          IceConnectionState.FAILED);
    }
    assertThat(a.ice.selectedPair().orElseThrow().remote().port()).isEqualTo(port(b));
    assertThat(b.ice.selectedPair().orElseThrow().remote().port()).isEqualTo(port(a));
    assertThat(pairs).isNotEmpty().allSatisfy(pair ->
        assertThat(pair.remote().port()).isIn(port(a), port(b)));
    assertThat(stranger.received()).noneMatch(
        d -> SecurityStun.type(d) == SecurityStun.BINDING_SUCCESS);
    for (CompletableFuture<DtlsException> handshake : strangerHandshakes) {
      assertThat(handshake.get(TestPeer.WAIT.toSeconds(), TimeUnit.SECONDS).reason())
          .as("the stranger's DTLS handshake").isEqualTo(DtlsFailure.HANDSHAKE_TIMEOUT);
    }
  }

  /**
   * The control for the STUN cases above: the same nominating check signed with the password
   * the stranger does not have is answered with a success, so the forged ones were well-formed
   * apart from their credentials.
   */
  @Test
  void theSameCheckSignedWithThePasswordIsAnswered() throws Exception {
    SecurityStranger stranger = track(new SecurityStranger());
    gather();
    Outcomes.success(start());

    stranger.send(SecurityStun.bindingRequest(username(b, a),
        b.gatherer.getLocalParameters().password()), candidate(b));

    assertThat(stranger.awaitReceived(SecurityStun.BINDING_SUCCESS, 1,
        TestPeer.WAIT.toMillis())).isTrue();
  }

  // -- the attacks --------------------------------------------------------------------------

  private void strike(Attack attack, SecurityStranger stranger) {
    try {
      for (TestPeer victim : List.of(a, b)) {
        TestPeer other = victim == a ? b : a;
        if (attack == Attack.DTLS_CLIENT_HELLO) {
          if (strangerHandshakes.size() < 2) {
            strangerHandshakes.add(strangerHandshake(victim));
          }
          continue;
        }
        for (byte[] datagram : datagrams(attack, victim, other)) {
          stranger.send(datagram, candidate(victim));
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<byte[]> datagrams(Attack attack, TestPeer victim, TestPeer other) {
    List<byte[]> list = new ArrayList<>();
    for (int i = 0; i < (attack.isStun() ? 1 : BURST); i++) {
      list.add(switch (attack) {
        case STUN_WRONG_INTEGRITY -> SecurityStun.bindingRequest(username(victim, other),
            SecurityStun.guessedPassword());
        case STUN_NO_INTEGRITY -> SecurityStun.bindingRequest(username(victim, other), null);
        case STUN_WRONG_USERNAME -> SecurityStun.bindingRequest("evil:" + other.gatherer
            .getLocalParameters().usernameFragment(), SecurityStun.guessedPassword());
        case RAW_DATAGRAMS -> random(1 + RANDOM.nextInt(1200), 4 + RANDOM.nextInt(252)); // not STUN
        case SRTP_LOOKING -> srtpLooking(i);
        case SRTP_OTHER_KEY -> protectedUnderAnotherKey(i);
        case DTLS_CLIENT_HELLO -> throw new IllegalArgumentException();
      });
    }
    return list;
  }

  /** RTP header for the call's SSRC with a random payload and "tag". */
  private static byte[] srtpLooking(int i) {
    byte[] header = new RtpHeader(false, 96, 5000 + i, 90L * i, A_SSRC).serialize();
    byte[] datagram = random(header.length + 60, 0x80);
    System.arraycopy(header, 0, datagram, 0, header.length);
    return datagram;
  }

  /** A real SRTP packet for the call's SSRC, protected under a key of the stranger's own. */
  private static byte[] protectedUnderAnotherKey(int i) {
    SrtpProfile profile = SrtpProfile.AEAD_AES_128_GCM; // the call's (our default first)
    SrtpContext context = SrtpContext.outbound(profile, random(profile.keyLength(), 0),
        random(profile.saltLength(), 0), SrtpOptions.defaults());
    byte[] plain = MediaRobustnessTest.packet(A_SSRC, 100 + i).serialize();
    byte[] buf = java.util.Arrays.copyOf(plain, plain.length + context.rtpOverhead());
    context.protectRtp(buf, 0, plain.length);
    return buf;
  }

  /** A real DTLS client (its own certificate) on its own socket, aimed at {@code victim}. */
  private CompletableFuture<DtlsException> strangerHandshake(TestPeer victim) {
    try {
      IceCandidate target = candidate(victim);
      UdpPacketTransport udp = UdpPacketTransport.open(new InetSocketAddress("127.0.0.1", 0),
          new InetSocketAddress(target.address(), target.port()));
      DtlsCertificate own = DtlsCertificate.generate();
      DtlsConfig config = DtlsConfig.builder().certificate(own)
          .remoteFingerprint(victim.dtls.getLocalParameters().fingerprints().get(0))
          .handshakeTimeout(Duration.ofSeconds(3))
          .initialRetransmitInterval(Duration.ofMillis(200)).build();
      DtlsSession session = track(DtlsSession.client(udp, config, new DtlsSessionListener() {}));
      return session.handshake().handle((result, e) -> e == null ? null : (DtlsException) unwrap(e));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Throwable unwrap(Throwable e) {
    return e instanceof java.util.concurrent.CompletionException
        || e instanceof ExecutionException ? e.getCause() : e;
  }

  /**
   * Waits until the victims have handled the attack: non-STUN datagrams show up as drops of
   * the ICE connection (not from the selected remote); forged checks are not counted there.
   */
  private void awaitHandled(Attack attack, SecurityStranger stranger) throws Exception {
    if (attack.isStun() || attack == Attack.DTLS_CLIENT_HELLO) {
      return; // checked by the stranger's replies and its handshake outcome
    }
    for (TestPeer victim : List.of(a, b)) {
      awaitAtLeast(() -> victim.ice.connection().stats().dropped(), BURST);
    }
  }

  // -- the real call ------------------------------------------------------------------------

  private void gather() throws InterruptedException {
    a.gatherTo(b);
    b.gatherTo(a);
    for (TestPeer peer : List.of(a, b)) {
      assertThat(peer.gathererStates.await(IceGatheringState.COMPLETE, TestPeer.WAIT)).isTrue();
    }
  }

  private CompletableFuture<Void> start() {
    a.startIce(b, IceRole.CONTROLLING);
    b.startIce(a, IceRole.CONTROLLED);
    return CompletableFuture.allOf(a.dtls.startAsync(b.dtls.getLocalParameters()),
        b.dtls.startAsync(a.dtls.getLocalParameters()));
  }

  private void exchangeMedia() {
    for (int i = 0; i < PACKETS; i++) {
      a.dtls.writeRtp(MediaRobustnessTest.packet(A_SSRC, i));
      b.dtls.writeRtp(MediaRobustnessTest.packet(B_SSRC, i));
    }
    a.dtls.writeRtcp(List.of(OrtcCallTest.senderReport(A_SSRC)));
  }

  private static void assertNothingReachedTheMediaPath(TestPeer peer) {
    awaitAtLeast(() -> peer.dtls.counters().rtpReceived(), PACKETS);
    MediaCounters c = peer.dtls.counters();
    assertThat(c.rtpReceived()).isEqualTo(PACKETS);
    assertThat(c.authFailures() + c.replayed() + c.otherSrtpDrops() + c.malformed()
        + c.unrouted() + c.earlyDrops() + c.demuxDrops()).as(peer.name + " " + c).isZero();
  }

  // -- helpers ------------------------------------------------------------------------------

  private static List<RtpPacket> packets(long ssrc) {
    List<RtpPacket> list = new ArrayList<>();
    for (int i = 0; i < PACKETS; i++) {
      list.add(MediaRobustnessTest.packet(ssrc, i));
    }
    return list;
  }

  private static String username(TestPeer receiver, TestPeer sender) {
    return receiver.gatherer.getLocalParameters().usernameFragment() + ":"
        + sender.gatherer.getLocalParameters().usernameFragment();
  }

  private static IceCandidate candidate(TestPeer peer) {
    return peer.gatherer.getLocalCandidates().get(0);
  }

  private static int port(TestPeer peer) {
    return candidate(peer).port();
  }

  private static byte[] random(int length, int first) {
    byte[] b = new byte[length];
    RANDOM.nextBytes(b);
    if (length > 0 && first != 0) {
      b[0] = (byte) first;
    }
    return b;
  }

  private static void awaitAtLeast(LongSupplier count, long atLeast) {
    long deadline = System.nanoTime() + TestPeer.WAIT.toNanos();
    while (count.getAsLong() < atLeast && System.nanoTime() < deadline) {
      java.util.concurrent.locks.LockSupport.parkNanos(5_000_000); // bounded poll
    }
    assertThat(count.getAsLong()).isGreaterThanOrEqualTo(atLeast);
  }

  private static <T> void awaitCount(TestSubscriber<T> subscriber, int count) {
    long deadline = System.nanoTime() + TestPeer.WAIT.toNanos();
    while (subscriber.values().size() < count && System.nanoTime() < deadline) {
      subscriber.awaitCount(count); // waits up to 5 s each time
    }
    assertThat(subscriber.values()).hasSizeGreaterThanOrEqualTo(count);
  }

  private static AutoCloseable subscription(Disposable disposable) {
    return disposable::dispose;
  }

  private <T extends AutoCloseable> T track(T resource) {
    synchronized (resources) {
      resources.add(0, resource);
    }
    return resource;
  }
}
