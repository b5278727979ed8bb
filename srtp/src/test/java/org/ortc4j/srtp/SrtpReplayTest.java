package org.ortc4j.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Replay protection and rollover counter estimation, end to end: a sender protects packets in
 * its order, the receiver gets them in another order (with duplicates), and every packet gets
 * the status the table says.
 */
class SrtpReplayTest {
  private static final SrtpProfile PROFILE = SrtpProfile.AES128_CM_HMAC_SHA1_80;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # case                            | window | sent (seq)                    | received (positions in sent) | statuses                      | final ROC
      in order                          | 64     | 100 101 102                   | 0 1 2                        | OK OK OK                      | 0
      duplicate of the newest            | 64     | 100 101 102                   | 0 1 1 2                      | OK OK DUP OK                  | 0
      duplicate of an older one          | 64     | 100 101 102                   | 0 1 2 0                      | OK OK OK DUP                  | 0
      late but inside the window         | 64     | 100 101 102 103               | 0 3 1 2                      | OK OK OK OK                   | 0
      reordered across the wrap          | 64     | 65533 65534 65535 0 1 2       | 0 3 1 4 2 5                  | OK OK OK OK OK OK             | 1
      late packet from before the wrap   | 64     | 65534 65535 0 1               | 0 2 3 1                      | OK OK OK OK                   | 1
      duplicate across the wrap          | 64     | 65535 0 1                     | 0 1 2 0 1                    | OK OK OK DUP DUP              | 1
      joining after the sender wrapped   | 64     | 65535 0 1                     | 1 2 0                        | AUTH AUTH OK                  | 0
      """)
  void packetsInReceiveOrderGetTheTabulatedStatus(String name, int window, String sent,
      String received, String statuses, long roc) {
    SrtpContext out = Fixtures.outbound(PROFILE, SrtpOptions.defaults());
    SrtpContext in = Fixtures.inbound(PROFILE, options(window));
    List<byte[]> packets = new ArrayList<>();
    for (String seq : sent.trim().split("\\s+")) {
      packets.add(Fixtures.protectRtp(out, Fixtures.rtp(Fixtures.SSRC, Integer.parseInt(seq), 20)));
    }

    List<String> got = new ArrayList<>();
    for (String position : received.trim().split("\\s+")) {
      got.add(shortName(Fixtures.unprotectRtp(in, packets.get(Integer.parseInt(position)))));
    }

    assertThat(got).containsExactly(statuses.trim().split("\\s+"));
    assertThat(in.rolloverCounter(Fixtures.SSRC)).hasValue(roc);
  }

  /**
   * A packet further back than the window is too old; with a window of 1024 it is accepted.
   * The sender sent 1000..1100, the receiver has seen 1100.
   */
  @ParameterizedTest(name = "window {0}, seq {1}")
  @CsvSource({
      "64,   1037, OK",
      "64,   1036, REPLAY_TOO_OLD",
      "64,   1000, REPLAY_TOO_OLD",
      "1024, 1000, OK",
      "1024, 1100, REPLAY_DUPLICATE"
  })
  void packetsBehindTheWindowAreTooOld(int window, int seq, SrtpStatus expected) {
    SrtpContext out = Fixtures.outbound(PROFILE, SrtpOptions.defaults());
    SrtpContext in = Fixtures.inbound(PROFILE, options(window));
    List<byte[]> packets = new ArrayList<>();
    for (int s = 1000; s <= 1100; s++) {
      packets.add(Fixtures.protectRtp(out, Fixtures.rtp(Fixtures.SSRC, s, 8)));
    }
    assertThat(Fixtures.unprotectRtp(in, packets.get(100))).isEqualTo(SrtpStatus.OK);

    assertThat(Fixtures.unprotectRtp(in, packets.get(seq - 1000))).isEqualTo(expected);
  }

  /**
   * Forward jumps on a stream at ROC 1 (both sides start there). RFC 3711 Appendix A picks the
   * ROC that puts the index nearest the highest one: a jump of up to half the sequence space is
   * read forward (possibly into the next cycle), a longer one as a late packet from behind, which
   * only a window that large accepts.
   */
  @ParameterizedTest(name = "from SEQ {0} jump +{1}, window {2}")
  @CsvSource({
      "10,    1,     64,    OK,             1",
      "10,    32767, 64,    OK,             1",
      "10,    32768, 64,    OK,             1",
      "10,    32769, 64,    REPLAY_TOO_OLD, 1",
      "10,    32769, 32768, OK,             1",
      "40000, 25535, 64,    OK,             1",
      "40000, 25536, 64,    OK,             2",
      "40000, 32767, 64,    OK,             2",
      "40000, 32768, 64,    REPLAY_TOO_OLD, 1",
      "40000, 32769, 32768, OK,             1"
  })
  void largeForwardJumps(int from, int jump, int window, SrtpStatus expected, long roc) {
    long start = (1L << 16) | from;
    SrtpContext out = Fixtures.outbound(PROFILE, SrtpOptions.defaults());
    SrtpContext in = Fixtures.inbound(PROFILE, options(window));
    out.seedRtpIndex(Fixtures.SSRC, start);
    in.seedRtpIndex(Fixtures.SSRC, start);

    byte[] packet = Fixtures.protectRtp(out, Fixtures.rtp(Fixtures.SSRC, (from + jump) & 0xffff, 8));

    assertThat(Fixtures.unprotectRtp(in, packet)).isEqualTo(expected);
    assertThat(in.rolloverCounter(Fixtures.SSRC)).hasValue(roc);
  }

  @ParameterizedTest(name = "window {0}")
  @CsvSource({"64", "1024"})
  void srtcpDuplicatesAndOldIndicesAreRejected(int window) {
    SrtpContext out = Fixtures.outbound(PROFILE, SrtpOptions.defaults());
    SrtpContext in = Fixtures.inbound(PROFILE, SrtpOptions.builder()
        .rtcpReplayWindow(window).build());
    List<byte[]> packets = new ArrayList<>();
    for (int i = 0; i < window + 2; i++) {
      packets.add(Fixtures.protectRtcp(out, Fixtures.rtcp(Fixtures.SSRC)));
    }
    assertThat(Fixtures.unprotectRtcp(in, packets.get(window + 1))).isEqualTo(SrtpStatus.OK);

    assertThat(Fixtures.unprotectRtcp(in, packets.get(window + 1)))
        .isEqualTo(SrtpStatus.REPLAY_DUPLICATE);
    assertThat(Fixtures.unprotectRtcp(in, packets.get(2))).isEqualTo(SrtpStatus.OK);
    assertThat(Fixtures.unprotectRtcp(in, packets.get(1))).isEqualTo(SrtpStatus.REPLAY_TOO_OLD);
    assertThat(in.rtcpIndex(Fixtures.SSRC)).hasValue(window + 2);
  }

  private static SrtpOptions options(int window) {
    return SrtpOptions.builder().rtpReplayWindow(window).build();
  }

  private static String shortName(SrtpStatus status) {
    switch (status) {
      case REPLAY_DUPLICATE:
        return "DUP";
      case AUTH_FAILED:
        return "AUTH";
      default:
        return status.name();
    }
  }
}
