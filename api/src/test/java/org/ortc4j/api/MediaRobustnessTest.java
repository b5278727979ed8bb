package org.ortc4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reactivex.rxjava3.disposables.Disposable;
import io.reactivex.rxjava3.observers.TestObserver;
import io.reactivex.rxjava3.subscribers.TestSubscriber;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.ToLongFunction;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ortc4j.api.internal.PacketClass;
import org.ortc4j.ice.IceSendStatus;
import org.ortc4j.rtcp.ReceiverReport;
import org.ortc4j.rtcp.RtcpPacket;
import org.ortc4j.rtp.RtpHeader;
import org.ortc4j.rtp.RtpPacket;

/**
 * The media path of a connected call under what a hostile or broken network sends, and under
 * what careless applications do: floods of unknown SSRCs, garbage datagrams of every RFC 7983
 * range, replayed and forged SRTP, a reader that stops reading, media that outruns the
 * handshake, bad and concurrent writes. Every case is counted in {@link MediaCounters} and the
 * session keeps working afterwards. Real peers on 127.0.0.1; the "network" is the peer's own
 * ICE connection, and on the receiving side a {@link DatagramTap} between ICE and the
 * demultiplexer.
 */
class MediaRobustnessTest {
  private static final long MAIN = 0x0A0A_0A0AL;
  private static final long OTHER = 0x0B0B_0B0BL;
  private static final long WAIT_SECONDS = TestPeer.WAIT.toSeconds();

  private TestCall call;

  @AfterEach
  void hangUp() {
    if (call != null) {
      call.close();
    }
  }

  // -- (a) unknown SSRCs ------------------------------------------------------------------

  @Test
  void unknownSsrcFloodIsCountedReportedOnceBoundedAndSparesTheReadStream() throws Exception {
    OrtcSettings settings = TestPeer.settings().srtpMaxStreams(4096).build();
    TestPeer b = connect(settings, settings).controlled;
    TestPeer a = call.controlling;
    TestSubscriber<RtpPacket> main = b.dtls.readRtp(MAIN).test();
    TestObserver<Long> events = b.dtls.unknownSsrcs().test();
    List<Long> unknown = LongStream.range(0, 1500).map(i -> 0x5000_0000L + i).boxed().toList();

    int mainSent = 0;
    for (int i = 0; i < unknown.size(); i++) {
      a.dtls.writeRtp(packet(unknown.get(i), 0));
      if (i < 10) {
        a.dtls.writeRtp(packet(unknown.get(i), 1)); // a second packet: no second event
      }
      if (i % 50 == 49) { // paced by the read stream: nothing is lost in the socket
        a.dtls.writeRtp(packet(MAIN, mainSent++));
        awaitCount(main, mainSent);
      }
    }

    MediaCounters counters = b.dtls.counters();
    assertThat(counters.unrouted()).isEqualTo(unknown.size() + 10);
    assertThat(counters.rtpReceived()).isEqualTo(unknown.size() + 10 + mainSent);
    assertThat(main.values()).isEqualTo(packets(MAIN, 0, mainSent));
    b.dtls.stop(); // completes the event stream after every queued event
    events.awaitDone(WAIT_SECONDS, TimeUnit.SECONDS).assertComplete().assertNoErrors();
    assertThat(events.values()).as("each SSRC once, the first 1024 only")
        .isEqualTo(unknown.subList(0, 1024));
  }

  @Test
  void subscribingAfterTheUnknownSsrcEventGetsTheFollowingPackets() throws Exception {
    TestPeer b = connect().controlled;
    TestPeer a = call.controlling;
    TestSubscriber<RtpPacket> late = new TestSubscriber<>();
    CountDownLatch subscribed = new CountDownLatch(1);
    Disposable events = b.dtls.unknownSsrcs().subscribe(ssrc -> {
      b.dtls.readRtp(ssrc).subscribe(late); // from the event's own thread, as an app would
      subscribed.countDown();
    });
    try {
      a.dtls.writeRtp(packet(OTHER, 0));
      assertThat(subscribed.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
      for (int i = 1; i <= 10; i++) {
        a.dtls.writeRtp(packet(OTHER, i));
      }
      awaitCount(late, 10);
      assertThat(late.values()).isEqualTo(packets(OTHER, 1, 11));
      assertThat(b.dtls.counters().unrouted()).isEqualTo(1);
    } finally {
      events.dispose();
    }
  }

  @Test
  void readerOfEverySsrcGetsTheFirstPacketOfEachNewSsrcBesideThePerSsrcReaders() throws Exception {
    TestPeer b = connect().controlled;
    TestPeer a = call.controlling;
    TestSubscriber<RtpPacket> every = b.dtls.readRtp().test();
    TestSubscriber<RtpPacket> main = b.dtls.readRtp(MAIN).test();

    a.dtls.writeRtp(packet(OTHER, 0));
    a.dtls.writeRtp(packet(MAIN, 0));
    a.dtls.writeRtp(packet(OTHER, 1));
    awaitCount(every, 3);

    assertThat(every.values()).isEqualTo(List.of(packet(OTHER, 0), packet(MAIN, 0), packet(OTHER, 1)));
    assertThat(main.values()).isEqualTo(packets(MAIN, 0, 1));
    assertThat(b.dtls.counters().unrouted()).as("every packet had a reader").isZero();
    b.dtls.stop();
    every.awaitDone(WAIT_SECONDS, TimeUnit.SECONDS).assertComplete();
  }

  // -- (b) garbage on the socket ------------------------------------------------------------

  static Stream<Arguments> garbage() {
    Random random = new Random(7983);
    return Stream.of(
        garbage("empty datagram", new byte[0], MediaCounters::demuxDrops),
        garbage("one zero byte", new byte[] {0}, MediaCounters::demuxDrops),
        garbage("STUN range 0, no magic cookie", bytes(random, 28, 0x00, 0x01),
            MediaCounters::demuxDrops),
        garbage("STUN range 3", bytes(random, 28, 0x03), MediaCounters::demuxDrops),
        garbage("reserved 4..15", bytes(random, 40, 15), MediaCounters::demuxDrops),
        garbage("ZRTP range 16", bytes(random, 40, 16), MediaCounters::demuxDrops),
        garbage("ZRTP range 19", bytes(random, 40, 19), MediaCounters::demuxDrops),
        garbage("TURN channel range 64", bytes(random, 40, 64, 0x00, 0x00, 0x24),
            MediaCounters::demuxDrops),
        garbage("TURN channel range 79", bytes(random, 40, 79), MediaCounters::demuxDrops),
        garbage("unassigned 80..127", bytes(random, 60, 100), MediaCounters::demuxDrops),
        garbage("above RTP 192..255", bytes(random, 60, 0xC0), MediaCounters::demuxDrops),
        garbage("RTP first bytes, random rest", bytes(random, 200, 0x80, 0x60),
            MediaCounters::authFailures),
        garbage("RTCP first bytes, random rest", bytes(random, 120, 0x80, 0xC8),
            MediaCounters::authFailures),
        garbage("RTP truncated in its header", bytes(random, 8, 0x80, 0x60),
            MediaCounters::otherSrtpDrops),
        garbage("RTP claiming 15 CSRCs in 30 bytes", bytes(random, 30, 0x8F, 0x60),
            MediaCounters::otherSrtpDrops),
        garbage("RTCP truncated", bytes(random, 6, 0x80, 0xC9), MediaCounters::otherSrtpDrops),
        garbage("oversized RTP, 1500 bytes", bytes(random, 1500, 0x80, 0x60),
            MediaCounters::authFailures),
        garbage("DTLS handshake type, random rest", bytes(random, 90, 22, 0xFE, 0xFD), null),
        garbage("DTLS application data, epoch 1, random rest",
            bytes(random, 90, 23, 0xFE, 0xFD, 0x00, 0x01), null),
        garbage("DTLS alert type, random rest", bytes(random, 30, 21, 0xFE, 0xFD, 0, 1), null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("garbage")
  void garbageIsCountedAndTheSessionKeepsWorking(String name, byte[] datagram,
      ToLongFunction<MediaCounters> counter) throws Exception {
    TestPeer b = connect().controlled;
    TestPeer a = call.controlling;
    DatagramTap tap = DatagramTap.install(b);
    TestSubscriber<RtpPacket> main = b.dtls.readRtp(MAIN).test();
    a.dtls.writeRtp(packet(MAIN, 0));
    awaitCount(main, 1);
    MediaCounters before = b.dtls.counters();

    assertThat(a.ice.connection().send(datagram, 0, datagram.length))
        .isEqualTo(IceSendStatus.SENT);
    a.dtls.writeRtp(packet(MAIN, 1)); // behind the garbage on the same path
    awaitCount(main, 2);

    MediaCounters after = b.dtls.counters();
    long expected = counter == null ? 0 : 1;
    if (counter != null) {
      assertThat(counter.applyAsLong(after) - counter.applyAsLong(before)).isEqualTo(1);
    }
    assertThat(drops(after) - drops(before)).as("counted once, in one counter")
        .isEqualTo(expected);
    assertThat(main.values()).isEqualTo(packets(MAIN, 0, 2));
    assertThat(tap.thrown()).isEmpty();
    TestSubscriber<RtpPacket> back = a.dtls.readRtp(OTHER).test();
    b.dtls.writeRtp(packet(OTHER, 0)); // and the other way
    awaitCount(back, 1);
    assertThat(a.dtls.state()).isEqualTo(DtlsTransportState.CONNECTED);
    assertThat(b.dtls.state()).isEqualTo(DtlsTransportState.CONNECTED);
  }

  // -- (c) replayed and forged SRTP -----------------------------------------------------------

  @Test
  void replayedSrtpAndSrtcpAreCountedAndNotDeliveredTwice() throws Exception {
    TestPeer b = connect().controlled;
    TestPeer a = call.controlling;
    DatagramTap tap = DatagramTap.install(b);
    TestSubscriber<RtpPacket> main = b.dtls.readRtp(MAIN).test();
    TestSubscriber<RtcpPacket> rtcp = b.dtls.readRtcp().test();
    for (int i = 0; i < 20; i++) {
      a.dtls.writeRtp(packet(MAIN, i));
    }
    a.dtls.writeRtcp(List.of(OrtcCallTest.senderReport(MAIN)));
    awaitCount(main, 20);
    awaitCount(rtcp, 1);

    List<byte[]> captured = new ArrayList<>(tap.passed(PacketClass.RTP));
    captured.addAll(tap.passed(PacketClass.RTCP));
    assertThat(captured).hasSize(21);
    for (byte[] datagram : captured) {
      assertThat(a.ice.connection().send(datagram, 0, datagram.length))
          .isEqualTo(IceSendStatus.SENT);
    }
    a.dtls.writeRtp(packet(MAIN, 20)); // fresh, behind the replays
    awaitCount(main, 21);

    MediaCounters counters = b.dtls.counters();
    assertThat(counters.replayed()).isEqualTo(21);
    assertThat(counters.rtpReceived()).isEqualTo(21);
    assertThat(counters.rtcpReceived()).isEqualTo(1);
    assertThat(counters.authFailures()).isZero();
    assertThat(main.values()).isEqualTo(packets(MAIN, 0, 21));
    assertThat(rtcp.values()).hasSize(1);
  }

  @Test
  void forgedSrtpFailsAuthenticationAndDoesNotSpoilTheGenuinePacket() throws Exception {
    TestPeer b = connect().controlled;
    TestPeer a = call.controlling;
    DatagramTap tap = DatagramTap.install(b);
    AtomicBoolean first = new AtomicBoolean(true);
    tap.holdWhen(d -> PacketClass.of(d, 0, d.length) == PacketClass.RTP
        && first.getAndSet(false), false); // packet 0 is kept back: its index stays unused
    TestSubscriber<RtpPacket> main = b.dtls.readRtp(MAIN).test();
    a.dtls.writeRtp(packet(MAIN, 0));
    assertThat(tap.awaitHeld(TestPeer.WAIT.toMillis())).isTrue();
    byte[] genuine = tap.held().get(0);

    List<byte[]> forgeries = List.of(
        flip(genuine, 14), // a payload byte
        flip(genuine, genuine.length - 1), // the tag
        flip(genuine, 11), // the SSRC: a stream nobody keyed
        flip(genuine, 3)); // the sequence number
    for (byte[] forged : forgeries) {
      a.ice.connection().send(forged, 0, forged.length);
    }
    a.dtls.writeRtp(packet(MAIN, 1));
    awaitCount(main, 1);
    tap.release();
    awaitCount(main, 2);

    assertThat(main.values()).containsExactly(packet(MAIN, 1), packet(MAIN, 0));
    MediaCounters counters = b.dtls.counters();
    assertThat(counters.authFailures()).isEqualTo(forgeries.size());
    assertThat(counters.rtpReceived()).isEqualTo(2);
    assertThat(counters.unrouted() + counters.replayed() + counters.malformed()).isZero();
  }

  // -- (d) a slow reader ------------------------------------------------------------------

  @Test
  void slowReaderLosesItsOldestPacketsAndBlocksNoOtherReader() throws Exception {
    OrtcSettings small = TestPeer.settings().readQueueCapacity(16).build();
    TestPeer b = connect(TestPeer.settings().build(), small).controlled;
    TestPeer a = call.controlling;
    CountDownLatch blocked = new CountDownLatch(1);
    CountDownLatch unblock = new CountDownLatch(1);
    List<RtpPacket> slowGot = Collections.synchronizedList(new ArrayList<>());
    Semaphore slowArrivals = new Semaphore(0);
    Disposable slow = b.dtls.readRtp(MAIN).subscribe(p -> {
      slowGot.add(p);
      slowArrivals.release();
      blocked.countDown();
      unblock.await(WAIT_SECONDS, TimeUnit.SECONDS); // bounded: never hangs the test
    });
    TestSubscriber<RtpPacket> fast = b.dtls.readRtp(OTHER).test();
    int sent = 400;
    try {
      for (int chunk = 0; chunk < sent / 50; chunk++) {
        for (int i = chunk * 50; i < (chunk + 1) * 50; i++) {
          a.dtls.writeRtp(packet(MAIN, i));
        }
        a.dtls.writeRtp(packet(OTHER, chunk)); // the other reader keeps up meanwhile
        awaitCount(fast, chunk + 1);
      }
      assertThat(blocked.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
      assertThat(slowGot).hasSize(1); // still stuck in its first packet
      assertThat(fast.values()).isEqualTo(packets(OTHER, 0, sent / 50));
      long drops = b.dtls.counters().readerDrops();
      assertThat(drops).as("the slow reader's queue overflowed").isPositive();

      unblock.countDown();
      assertThat(slowArrivals.tryAcquire((int) (sent - drops), WAIT_SECONDS, TimeUnit.SECONDS))
          .as("every packet is delivered or counted as dropped").isTrue();
      List<Integer> sequence = slowGot.stream().map(p -> p.header().sequenceNumber()).toList();
      assertThat(sequence).isSorted().doesNotHaveDuplicates()
          .startsWith(packet(MAIN, 0).header().sequenceNumber())
          .endsWith(packet(MAIN, sent - 1).header().sequenceNumber()); // drop-oldest kept it
      assertThat(b.dtls.counters().readerDrops()).isEqualTo(drops);
    } finally {
      unblock.countDown();
      slow.dispose();
    }
  }

  // -- (e) media before the keys ----------------------------------------------------------

  @Test
  void earlyMediaIsHeldBoundedThenDecrypted() throws Exception {
    int limit = 8;
    call = new TestCall(TestPeer.settings().build(),
        TestPeer.settings().earlyPacketLimit(limit).build());
    TestPeer a = call.controlling; // the DTLS server: connected one flight before the client
    TestPeer b = call.controlled;
    DatagramTap tap = DatagramTap.install(b);
    tap.holdWhen(MediaRobustnessTest::isFinalServerFlight, false);
    TestSubscriber<RtpPacket> main = b.dtls.readRtp(MAIN).test();
    call.connect();

    assertThat(a.dtlsStates.await(DtlsTransportState.CONNECTED, TestPeer.WAIT)).isTrue();
    assertThat(tap.awaitHeld(TestPeer.WAIT.toMillis())).isTrue();
    assertThat(b.dtls.state()).isEqualTo(DtlsTransportState.CONNECTING);
    int sent = limit + 4;
    for (int i = 0; i < sent; i++) {
      a.dtls.writeRtp(packet(MAIN, i));
    }
    assertThat(tap.awaitPassed(PacketClass.RTP, sent, TestPeer.WAIT.toMillis())).isTrue();
    assertThat(main.values()).isEmpty();
    assertThat(b.dtls.counters().earlyDrops()).isEqualTo(sent - limit);

    tap.release(); // the server's Finished arrives: the client keys SRTP
    assertThat(b.dtlsStates.await(DtlsTransportState.CONNECTED, TestPeer.WAIT)).isTrue();
    awaitCount(main, limit);
    a.dtls.writeRtp(packet(MAIN, sent));
    awaitCount(main, limit + 1);

    List<RtpPacket> expected = new ArrayList<>(packets(MAIN, 0, limit));
    expected.add(packet(MAIN, sent));
    assertThat(main.values()).isEqualTo(expected);
    assertThat(b.dtls.counters().rtpReceived()).isEqualTo(limit + 1);
    assertThat(b.dtls.counters().authFailures()).isZero();
  }

  /** ChangeCipherSpec, or any record of epoch 1: what the server sends once it has keys. */
  private static boolean isFinalServerFlight(byte[] d) {
    if (PacketClass.of(d, 0, d.length) != PacketClass.DTLS || d.length < 5) {
      return false;
    }
    boolean changeCipherSpec = d[0] == 20;
    boolean epochOne = d[3] != 0 || d[4] != 0;
    return changeCipherSpec || epochOne;
  }

  @Test
  void withoutAnEarlyQueueEarlyMediaIsDroppedAndTheHandshakeStillCompletes() throws Exception {
    // RSA certificates make the handshake flights several datagrams each: the DTLS queue must
    // take a whole flight even when no early media may wait
    OrtcSettings none = TestPeer.settings().earlyPacketLimit(0)
        .certificateKeyType(org.ortc4j.dtls.CertificateKeyType.RSA_2048).build();
    TestPeer b = connect(none, none).controlled;
    TestPeer a = call.controlling;
    TestSubscriber<RtpPacket> main = b.dtls.readRtp(MAIN).test();
    a.dtls.writeRtp(packet(MAIN, 0));
    awaitCount(main, 1);
    assertThat(main.values()).containsExactly(packet(MAIN, 0));
  }

  // -- (f) writes ---------------------------------------------------------------------------

  @Test
  void writesThatCannotBeSentAreRefusedAndNothingLeaves() throws Exception {
    TestPeer b = connect().controlled;
    TestPeer a = call.controlling;
    byte[] big = packet(MAIN, 0).header().serialize();
    byte[] oversized = new byte[1500];
    System.arraycopy(big, 0, oversized, 0, big.length);
    byte[] fifteenCsrcs = new byte[20];
    fifteenCsrcs[0] = (byte) 0x8F;
    List<RtcpPacket> manyReports = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      manyReports.add(new ReceiverReport(MAIN, List.of()));
    }

    assertThatThrownBy(() -> a.dtls.writeRtp(new byte[12], 0, 12))
        .isInstanceOf(InvalidAccessException.class); // version 0
    assertThatThrownBy(() -> a.dtls.writeRtp(new byte[] {(byte) 0x80, 0x60, 0}, 0, 3))
        .isInstanceOf(InvalidAccessException.class);
    assertThatThrownBy(() -> a.dtls.writeRtp(fifteenCsrcs, 0, fifteenCsrcs.length))
        .isInstanceOf(InvalidAccessException.class);
    assertThatThrownBy(() -> a.dtls.writeRtp(oversized, 0, oversized.length))
        .isInstanceOf(InvalidAccessException.class);
    assertThatThrownBy(() -> a.dtls.writeRtp(packet(MAIN, 0).header(), new byte[1490]))
        .isInstanceOf(InvalidAccessException.class);
    assertThatThrownBy(() -> a.dtls.writeRtcp(List.of()))
        .isInstanceOf(InvalidAccessException.class);
    assertThatThrownBy(() -> a.dtls.writeRtcp(manyReports))
        .isInstanceOf(InvalidAccessException.class);
    assertThat(a.dtls.counters().rtpSent() + a.dtls.counters().rtcpSent()).isZero();

    TestSubscriber<RtpPacket> main = b.dtls.readRtp(MAIN).test();
    byte[] framed = new byte[7 + packet(MAIN, 0).serializedLength() + 5];
    packet(MAIN, 0).serialize(framed, 7);
    byte[] copy = framed.clone();
    a.dtls.writeRtp(framed, 7, framed.length - 12);
    awaitCount(main, 1);
    assertThat(main.values()).containsExactly(packet(MAIN, 0));
    assertThat(framed).as("the caller's array is not changed").isEqualTo(copy);
    assertThat(b.dtls.counters().rtpReceived()).isEqualTo(1);
    assertThat(b.dtls.counters().authFailures() + b.dtls.counters().demuxDrops()).isZero();
  }

  @Test
  void concurrentWritersAllArriveIntactAndReadersCompleteOnStop() throws Exception {
    TestPeer b = connect().controlled;
    TestPeer a = call.controlling;
    int writers = 4;
    int each = 250;
    List<TestSubscriber<RtpPacket>> readers = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      readers.add(b.dtls.readRtp(MAIN + w).test());
    }
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        long ssrc = MAIN + w;
        done.add(pool.submit(() -> {
          go.await(WAIT_SECONDS, TimeUnit.SECONDS);
          for (int i = 0; i < each; i++) {
            if (i % 2 == 0) {
              a.dtls.writeRtp(packet(ssrc, i));
            } else {
              byte[] wire = packet(ssrc, i).serialize();
              a.dtls.writeRtp(wire, 0, wire.length);
            }
          }
          return null;
        }));
      }
      go.countDown();
      for (Future<?> f : done) {
        f.get(WAIT_SECONDS, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    }
    for (int w = 0; w < writers; w++) {
      awaitCount(readers.get(w), each);
      assertThat(readers.get(w).values()).isEqualTo(packets(MAIN + w, 0, each));
    }
    assertThat(a.dtls.counters().rtpSent()).isEqualTo((long) writers * each);
    assertThat(b.dtls.counters().authFailures() + b.dtls.counters().replayed()).isZero();

    b.dtls.stop();
    for (TestSubscriber<RtpPacket> reader : readers) {
      reader.awaitDone(WAIT_SECONDS, TimeUnit.SECONDS).assertComplete().assertNoErrors();
    }
    assertThatThrownBy(() -> b.dtls.writeRtp(packet(MAIN, 0)))
        .isInstanceOf(InvalidStateException.class);
  }

  @Test
  void streamsSubscribedAfterStopCompleteAtOnce() throws Exception {
    TestPeer b = connect().controlled;
    b.dtls.stop();

    b.dtls.readRtp(MAIN).test().awaitDone(WAIT_SECONDS, TimeUnit.SECONDS)
        .assertComplete().assertNoValues();
    b.dtls.readRtcp().test().awaitDone(WAIT_SECONDS, TimeUnit.SECONDS)
        .assertComplete().assertNoValues();
    b.dtls.unknownSsrcs().test().awaitDone(WAIT_SECONDS, TimeUnit.SECONDS)
        .assertComplete().assertNoValues();
  }

  // -- helpers ------------------------------------------------------------------------------

  private TestCall connect() throws Exception {
    return connect(TestPeer.settings().build(), TestPeer.settings().build());
  }

  private TestCall connect(OrtcSettings controlling, OrtcSettings controlled) throws Exception {
    call = new TestCall(controlling, controlled);
    call.connect().get(WAIT_SECONDS, TimeUnit.SECONDS);
    return call;
  }

  private static <T> void awaitCount(TestSubscriber<T> subscriber, int count) {
    long deadline = System.nanoTime() + TestPeer.WAIT.toNanos();
    while (subscriber.values().size() < count && System.nanoTime() < deadline) {
      subscriber.awaitCount(count); // waits up to 5 s each time
    }
    assertThat(subscriber.values()).as("packets received").hasSizeGreaterThanOrEqualTo(count);
  }

  static RtpPacket packet(long ssrc, int i) {
    byte[] payload = ("media " + i + " of " + Long.toHexString(ssrc))
        .getBytes(StandardCharsets.US_ASCII);
    return new RtpPacket(new RtpHeader(false, 96, i & 0xFFFF, 90L * i, ssrc), payload);
  }

  private static List<RtpPacket> packets(long ssrc, int from, int to) {
    List<RtpPacket> list = new ArrayList<>();
    for (int i = from; i < to; i++) {
      list.add(packet(ssrc, i));
    }
    return list;
  }

  private static long drops(MediaCounters c) {
    return c.authFailures() + c.replayed() + c.otherSrtpDrops() + c.malformed() + c.unrouted()
        + c.readerDrops() + c.earlyDrops() + c.demuxDrops();
  }

  private static Arguments garbage(String name, byte[] datagram,
      ToLongFunction<MediaCounters> counter) {
    return Arguments.of(name, datagram, counter);
  }

  /** {@code length} random bytes opening with {@code prefix}. */
  private static byte[] bytes(Random random, int length, int... prefix) {
    byte[] b = new byte[length];
    random.nextBytes(b);
    for (int i = 0; i < prefix.length; i++) {
      b[i] = (byte) prefix[i];
    }
    return b;
  }

  private static byte[] flip(byte[] datagram, int index) {
    byte[] copy = datagram.clone();
    copy[index] ^= 0x5A;
    return copy;
  }
}
