package org.ortc4j.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ortc4j.rtcp.TwccPacketResult;

/** Every benchmark runs once on its checked input, and each pair produces the same result. */
class RtcpBenchmarkTest {
  private final RtcpBenchmark benchmark = new RtcpBenchmark();

  @Test
  void senderReportAndSdesPairsAgree() throws Exception {
    RtcpBenchmark.SrSdes in = new RtcpBenchmark.SrSdes();
    in.setUp();

    assertThat(in.bytes).hasSize(80);
    assertThat(benchmark.srSdesParseOrtc4j(in)).isEqualTo(in.packets);
    assertThat(benchmark.srSdesParseJitsi(in).packets).hasSize(2);
    assertThat(benchmark.srSdesSerializeOrtc4j(in)).isEqualTo(in.bytes);
    assertThat(benchmark.srSdesSerializeJitsi(in)).isEqualTo(in.bytes);
    assertThat(benchmark.srSdesSerializeIntoOrtc4j(in)).isEqualTo(in.bytes.length);
    assertThat(benchmark.srSdesSerializeIntoJitsi(in)).isEqualTo(in.bytes.length);
    assertThat(in.destination).isEqualTo(in.bytes);
  }

  @Test
  void receiverReportAndRembPairsAgree() throws Exception {
    RtcpBenchmark.RrRemb in = new RtcpBenchmark.RrRemb();
    in.setUp();

    assertThat(in.bytes).hasSize(60);
    assertThat(benchmark.rrRembParseOrtc4j(in)).isEqualTo(in.packets);
    assertThat(benchmark.rrRembParseJitsi(in).packets).hasSize(2);
    assertThat(benchmark.rrRembSerializeOrtc4j(in)).isEqualTo(in.bytes);
    assertThat(benchmark.rrRembSerializeJitsi(in)).isEqualTo(in.bytes);
    assertThat(benchmark.rrRembSerializeIntoOrtc4j(in)).isEqualTo(in.bytes.length);
    assertThat(benchmark.rrRembSerializeIntoJitsi(in)).isEqualTo(in.bytes.length);
    assertThat(in.destination).isEqualTo(in.bytes);
  }

  @Test
  void twccPairsAgree() throws Exception {
    RtcpBenchmark.Twcc in = new RtcpBenchmark.Twcc();
    in.setUp();

    assertThat(benchmark.twccParseOrtc4j(in)).isEqualTo(in.packets);
    assertThat(benchmark.twccParseJitsi(in).packets).hasSize(1);
    assertThat(benchmark.twccParseResultsOrtc4j(in)).hasSize(RtcpScenarios.TWCC_PACKETS);
    long received =
        benchmark.twccParseResultsOrtc4j(in).stream().filter(TwccPacketResult::received).count();
    assertThat(received).isBetween(85L, 97L);
    assertThat(benchmark.twccParseResultsJitsi(in)).hasSize((int) received);
    assertThat(benchmark.twccSerializeOrtc4j(in)).isEqualTo(in.bytes);
    assertThat(benchmark.twccSerializeJitsi(in)).isEqualTo(in.bytes);
    assertThat(benchmark.twccSerializeIntoOrtc4j(in)).isEqualTo(in.bytes.length);
    assertThat(benchmark.twccSerializeIntoJitsi(in)).isEqualTo(in.bytes.length);
    assertThat(in.destination).isEqualTo(in.bytes);
    assertThat(benchmark.twccBuildSerializeOrtc4j(in)).isEqualTo(in.bytes);
    assertThat(benchmark.twccBuildSerializeJitsi(in)).isNotEmpty();
  }
}
