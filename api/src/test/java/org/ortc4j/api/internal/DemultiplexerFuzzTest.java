package org.ortc4j.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;

/**
 * Coverage-guided fuzzing (Jazzer) of the RFC 7983 demultiplexer, the entry point the ICE read
 * loop hands every non-STUN datagram to: each datagram goes to exactly one place, DTLS (first
 * byte 20..63) or media (128..191, at least two bytes), or is counted as dropped, untouched.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7983#section-7">RFC 7983 §7</a>
 */
class DemultiplexerFuzzTest {

  @FuzzTest(maxDuration = "60s")
  void everyDatagramGoesToExactlyOnePlace(byte[] data) {
    Demultiplexer demux = new Demultiplexer(4);
    List<byte[]> dtls = new ArrayList<>();
    List<byte[]> media = new ArrayList<>();
    demux.setDtlsEndpoint((buf, off, len) -> dtls.add(copy(buf, off, len)));
    demux.setMediaEndpoint((buf, off, len) -> media.add(copy(buf, off, len)));
    byte[] original = data.clone();

    demux.onDatagram(data, 0, data.length);

    int first = data.length == 0 ? -1 : data[0] & 0xFF;
    boolean isDtls = first >= 20 && first <= 63;
    boolean isMedia = first >= 128 && first <= 191 && data.length >= 2;
    assertThat(dtls).hasSize(isDtls ? 1 : 0);
    assertThat(media).hasSize(isMedia ? 1 : 0);
    assertThat(demux.dropped()).isEqualTo(isDtls || isMedia ? 0 : 1);
    (isDtls ? dtls : isMedia ? media : List.of(original)).forEach(
        delivered -> assertThat(delivered).isEqualTo(original));
    assertThat(data).as("the demultiplexer does not write").isEqualTo(original);
    if (isMedia) {
      assertThat(PacketClass.of(data, 0, data.length)).isIn(PacketClass.RTP, PacketClass.RTCP);
    }
  }

  private static byte[] copy(byte[] buf, int off, int len) {
    byte[] out = new byte[len];
    System.arraycopy(buf, off, out, 0, len);
    return out;
  }
}
