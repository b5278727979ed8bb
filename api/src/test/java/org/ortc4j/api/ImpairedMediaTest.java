package org.ortc4j.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactivex.rxjava3.disposables.Disposable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.ortc4j.api.internal.PacketClass;

/**
 * SRTP media through 10 % loss, 10 % duplication and up to 20 ms of jitter (which reorders
 * packets sent 2 ms apart by up to ten places, inside the 64-packet replay window): every
 * packet that crossed is delivered exactly once, every duplicate is dropped as a replay, and
 * the counters add up exactly against what the link did.
 */
class ImpairedMediaTest {
  private static final int PACKETS = 1000;
  private static final long SSRC = 0xA1;

  @Test
  void everyPacketThatArrivesIsDeliveredOnceAndTheCountersAddUp() throws Exception {
    try (ImpairedCall call = new ImpairedCall(TestPeer.settings().build(), 2024)) {
      call.connect().get(TestPeer.WAIT.toSeconds(), TimeUnit.SECONDS);
      Set<Integer> crossed = ConcurrentHashMap.newKeySet();
      List<Integer> delivered = new ArrayList<>();
      Disposable reader = call.b.dtls.readRtp(SSRC).subscribe(p -> {
        synchronized (delivered) {
          delivered.add(p.header().sequenceNumber());
        }
      });
      ImpairedLink.Impairment path = call.link.aToB;
      path.onForward = data -> {
        if (PacketClass.of(data, 0, data.length) == PacketClass.RTP) {
          crossed.add(((data[2] & 0xFF) << 8) | (data[3] & 0xFF));
        }
      };
      long rtpBefore = path.received(PacketClass.RTP);
      path.loss(0.10).duplication(0.10).delay(0, 20);

      long next = System.nanoTime();
      for (int i = 0; i < PACKETS; i++) {
        call.a.dtls.writeRtp(OrtcCallTest.packet(SSRC, i));
        next += TimeUnit.MILLISECONDS.toNanos(2);
        LockSupport.parkNanos(next - System.nanoTime()); // pacing the sender, not a sync
      }
      long lost = path.lost(PacketClass.RTP);
      long copies = path.extraCopies(PacketClass.RTP);
      ResourceProbe.settle(10, () -> deliveredCount(delivered) == PACKETS - lost
          && call.b.dtls.counters().replayed() == copies);
      reader.dispose();

      MediaCounters counters = call.b.dtls.counters();
      List<Integer> seqs;
      synchronized (delivered) {
        seqs = List.copyOf(delivered);
      }
      assertThat(path.received(PacketClass.RTP) - rtpBefore).isEqualTo(PACKETS);
      assertThat(lost).as("the link lost some").isPositive();
      assertThat(copies).as("the link duplicated some").isPositive();
      assertThat(seqs).as("none delivered twice").doesNotHaveDuplicates();
      assertThat(Set.copyOf(seqs)).as("exactly those that crossed").isEqualTo(crossed);
      assertThat(counters.replayed()).as("every extra copy dropped as a replay")
          .isEqualTo(copies);
      assertThat(call.a.dtls.counters().rtpSent()).isEqualTo(PACKETS);
      assertThat((long) seqs.size() + lost).as("sent = delivered + lost").isEqualTo(PACKETS);
      assertThat(counters.rtpReceived()).as("received = delivered (replays are not received)")
          .isEqualTo(seqs.size());
      assertThat(counters.authFailures() + counters.otherSrtpDrops() + counters.readerDrops())
          .isZero();
      List<Integer> order = seqs.stream().map(seq -> (seq - 0xFFF0) & 0xFFFF).toList();
      assertThat(order).as("reordered on the way (sending order)")
          .isNotEqualTo(order.stream().sorted().toList());
    }
  }

  private static long deliveredCount(List<Integer> delivered) {
    synchronized (delivered) {
      return delivered.size();
    }
  }
}
