package org.ortc4j.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Routing by RFC 7983 class, the early DTLS queue (order, bound, copies) and the drop count. */
class DemultiplexerTest {
  private final Demultiplexer demux = new Demultiplexer(4);
  private final Recorder dtls = new Recorder();
  private final Recorder media = new Recorder();

  @Test
  void dtlsBeforeTheEndpointWaitsAndIsHandedOverInOrder() {
    byte[] buf = new byte[64];
    for (int i = 0; i < 3; i++) {
      Arrays.fill(buf, (byte) 0);
      buf[0] = 22;
      buf[10] = (byte) i;
      demux.onDatagram(buf, 0, 20 + i); // the caller reuses buf: the queue must copy
    }
    assertThat(dtls.received).isEmpty();

    demux.setDtlsEndpoint(dtls);

    assertThat(dtls.received).hasSize(3);
    for (int i = 0; i < 3; i++) {
      assertThat(dtls.received.get(i)).hasSize(20 + i);
      assertThat(dtls.received.get(i)[10]).isEqualTo((byte) i);
    }
    assertThat(demux.dropped()).isZero();
  }

  @Test
  void theEarlyQueueIsBoundedAndCountsWhatItRefuses() {
    for (int i = 0; i < 7; i++) {
      demux.onDatagram(new byte[] {22, (byte) i}, 0, 2);
    }
    demux.setDtlsEndpoint(dtls);

    assertThat(dtls.received).extracting(d -> (int) d[1]).containsExactly(0, 1, 2, 3);
    assertThat(demux.dropped()).isEqualTo(3);
  }

  @Test
  void onceAttachedDtlsGoesStraightThroughAfterWhatWaited() {
    demux.onDatagram(new byte[] {22, 1}, 0, 2);
    demux.setDtlsEndpoint(dtls);
    demux.onDatagram(new byte[] {99, 23, 2, 99}, 1, 2);

    assertThat(dtls.received).extracting(d -> (int) d[1]).containsExactly(1, 2);
  }

  @Test
  void afterTheDtlsEndpointIsDetachedDtlsIsDroppedNotHeld() {
    demux.setDtlsEndpoint(dtls);
    demux.setDtlsEndpoint(null);
    demux.onDatagram(new byte[] {22, 1}, 0, 2);
    demux.setDtlsEndpoint(dtls); // would hand over anything held

    assertThat(dtls.received).isEmpty();
    assertThat(demux.dropped()).isEqualTo(1);
  }

  @Test
  void mediaGoesToTheMediaEndpointOrIsDropped() {
    byte[] rtp = {(byte) 0x80, 96, 0, 1};
    byte[] rtcp = {(byte) 0x80, (byte) 200, 0, 6};
    demux.onDatagram(rtp, 0, rtp.length); // no endpoint: cannot be decrypted
    demux.setMediaEndpoint(media);
    demux.onDatagram(rtp, 0, rtp.length);
    demux.onDatagram(rtcp, 0, rtcp.length);

    assertThat(media.received).containsExactly(rtp, rtcp);
    assertThat(demux.dropped()).isEqualTo(1);
    assertThat(dtls.received).isEmpty();
  }

  @ParameterizedTest(name = "first byte {0}")
  @ValueSource(ints = {0, 3, 16, 19, 64, 79, 80, 127, 192, 255})
  void everythingElseIsDroppedAndCounted(int first) {
    demux.setDtlsEndpoint(dtls);
    demux.setMediaEndpoint(media);
    demux.onDatagram(new byte[] {(byte) first, 0, 0, 0}, 0, 4);
    demux.onDatagram(new byte[0], 0, 0);

    assertThat(dtls.received).isEmpty();
    assertThat(media.received).isEmpty();
    assertThat(demux.dropped()).isEqualTo(2);
  }

  /** Keeps a copy of each datagram, as an endpoint must (the buffer is reused). */
  private static final class Recorder implements Demultiplexer.Endpoint {
    final List<byte[]> received = new ArrayList<>();

    @Override
    public void onDatagram(byte[] buf, int off, int len) {
      received.add(Arrays.copyOfRange(buf, off, off + len));
    }
  }
}
