package org.ortc4j.srtp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rollover counter guess of RFC 3711 Appendix A, as a table. */
class RtpStreamTest {

  @ParameterizedTest(name = "highest ROC {0} SEQ {1}, SEQ {2} -> ROC {3}")
  @CsvSource({
      "0,          10,    11,    0",
      "0,          10,    5,     0",
      "0,          65535, 0,     1",
      "0,          65530, 3,     1",
      "1,          0,     65535, 0",
      "1,          2,     65530, 0",
      "1,          10,    32778, 1",
      "1,          10,    32779, 0",
      "0,          10,    32779, 0",
      "0,          32768, 0,     0",
      "1,          40000, 7232,  1",
      "1,          40000, 7231,  2",
      "7,          32768, 65535, 7",
      "4294967295, 65535, 0,     4294967296"
  })
  void theIndexNearestTheHighestWins(long roc, int highestSeq, int seq, long expectedRoc) {
    long estimate = RtpStream.estimate((roc << 16) | highestSeq, seq);

    assertThat(estimate >>> 16).isEqualTo(expectedRoc);
    assertThat(estimate & 0xffff).isEqualTo(seq);
  }

  @ParameterizedTest(name = "ROC 0xffffffff SEQ {0}")
  @CsvSource({"65535, false", "0, true"})
  void passingTheLastIndexIsBeyondMaxIndex(int seq, boolean beyond) {
    RtpStream stream = new RtpStream((0xffffffffL << 16) | 65534, null);

    assertThat(stream.estimate(seq) > RtpStream.MAX_INDEX).isEqualTo(beyond);
  }
}
