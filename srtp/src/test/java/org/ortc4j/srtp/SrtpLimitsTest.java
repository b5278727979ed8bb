package org.ortc4j.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Key-usage limits, the per-SSRC stream cap, and a flood of forged SSRCs. */
class SrtpLimitsTest {
  private static final long LAST_ROC = 0xffffffffL;

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void srtpStopsBeforeTheRolloverCounterWraps(SrtpProfile profile) {
    SrtpContext out = Fixtures.outbound(profile, SrtpOptions.defaults());
    SrtpContext in = Fixtures.inbound(profile, SrtpOptions.defaults());
    out.seedRtpIndex(Fixtures.SSRC, (LAST_ROC << 16) | 65533);
    in.seedRtpIndex(Fixtures.SSRC, (LAST_ROC << 16) | 65533);

    byte[] last = Fixtures.protectRtp(out, Fixtures.rtp(Fixtures.SSRC, 65535, 10));
    byte[] plain = Fixtures.rtp(Fixtures.SSRC, 0, 10);
    byte[] buf = Arrays.copyOf(plain, plain.length + out.rtpOverhead());

    assertThat(out.protectRtp(buf, 0, plain.length)).isEqualTo(SrtpStatus.KEY_LIMIT_REACHED);
    assertThat(buf).isEqualTo(Arrays.copyOf(plain, buf.length));
    assertThat(Fixtures.unprotectRtp(in, last)).isEqualTo(SrtpStatus.OK);
    assertThat(in.rolloverCounter(Fixtures.SSRC)).hasValue(LAST_ROC);
    assertThat(Fixtures.unprotectRtp(in, buf)).isEqualTo(SrtpStatus.KEY_LIMIT_REACHED);
    assertThat(out.counters().rtp(SrtpStatus.KEY_LIMIT_REACHED)).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void srtcpStopsAfterIndexTwoToTheThirtyOneMinusOne(SrtpProfile profile) {
    SrtpContext out = Fixtures.outbound(profile, SrtpOptions.defaults());
    SrtpContext in = Fixtures.inbound(profile, SrtpOptions.defaults());
    out.seedRtcpIndex(Fixtures.SSRC, 0x7ffffffeL);

    assertThat(Fixtures.unprotectRtcp(in, Fixtures.protectRtcp(out, Fixtures.rtcp(Fixtures.SSRC))))
        .isEqualTo(SrtpStatus.OK);
    byte[] lastOne = Fixtures.protectRtcp(out, Fixtures.rtcp(Fixtures.SSRC));
    assertThat(out.rtcpIndex(Fixtures.SSRC)).hasValue(0x7fffffffL);
    byte[] plain = Fixtures.rtcp(Fixtures.SSRC);
    byte[] buf = Arrays.copyOf(plain, plain.length + out.rtcpOverhead());

    assertThat(out.protectRtcp(buf, 0, plain.length)).isEqualTo(SrtpStatus.KEY_LIMIT_REACHED);
    assertThat(buf).isEqualTo(Arrays.copyOf(plain, buf.length));
    assertThat(Fixtures.unprotectRtcp(in, lastOne)).isEqualTo(SrtpStatus.OK);
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void streamsBeyondMaxStreamsAreCountedDrops(SrtpProfile profile) {
    SrtpOptions two = SrtpOptions.builder().maxStreams(2).build();
    SrtpContext out = Fixtures.outbound(profile, two);
    SrtpContext in = Fixtures.inbound(profile, two);
    SrtpContext unlimitedOut = Fixtures.outbound(profile, SrtpOptions.defaults());

    for (long ssrc = 1; ssrc <= 2; ssrc++) {
      byte[] packet = Fixtures.protectRtp(out, Fixtures.rtp(ssrc, 1, 10));
      assertThat(Fixtures.unprotectRtp(in, packet)).isEqualTo(SrtpStatus.OK);
      assertThat(Fixtures.unprotectRtcp(in, Fixtures.protectRtcp(out, Fixtures.rtcp(ssrc))))
          .isEqualTo(SrtpStatus.OK);
    }
    byte[] third = Fixtures.rtp(3, 1, 10);
    byte[] buf = Arrays.copyOf(third, third.length + out.rtpOverhead());

    assertThat(out.protectRtp(buf, 0, third.length)).isEqualTo(SrtpStatus.STREAM_LIMIT);
    assertThat(Fixtures.unprotectRtp(in, Fixtures.protectRtp(unlimitedOut, third)))
        .isEqualTo(SrtpStatus.STREAM_LIMIT);
    assertThat(Fixtures.unprotectRtcp(in,
        Fixtures.protectRtcp(unlimitedOut, Fixtures.rtcp(3)))).isEqualTo(SrtpStatus.STREAM_LIMIT);
    assertThat(in.streamCount()).isEqualTo(2);
    assertThat(in.rtcpStreamCount()).isEqualTo(2);
    assertThat(in.counters().rtp(SrtpStatus.STREAM_LIMIT)).isEqualTo(1);
    assertThat(in.rolloverCounter(3)).isEmpty();
  }

  @Test
  void aFloodOfForgedSsrcsCreatesNoState() {
    SrtpContext in = Fixtures.inbound(SrtpProfile.AES128_CM_HMAC_SHA1_80, SrtpOptions.defaults());
    Random random = new Random(42);
    int packets = 20_000;
    for (int i = 0; i < packets; i++) {
      byte[] forged = new byte[12 + random.nextInt(200) + in.rtpOverhead()];
      random.nextBytes(forged);
      forged[0] = (byte) 0x80;
      in.unprotectRtp(forged, 0, forged.length);
      byte[] forgedRtcp = new byte[40];
      random.nextBytes(forgedRtcp);
      forgedRtcp[0] = (byte) 0x80;
      in.unprotectRtcp(forgedRtcp, 0, forgedRtcp.length);
    }

    assertThat(in.streamCount()).isZero();
    assertThat(in.rtcpStreamCount()).isZero();
    assertThat(in.counters().rtp(SrtpStatus.AUTH_FAILED)).isEqualTo(packets);
    assertThat(in.counters().rtcp(SrtpStatus.AUTH_FAILED)).isEqualTo(packets);
  }
}
