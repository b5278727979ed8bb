package org.ortc4j.rtcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ortc4j.rtcp.SenderReportTest.assertInvalid;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NtpTimeTest {
  @Test
  void convertsKnownTimestamps() {
    // 1900 + 2208988800 s is the Unix epoch; 0x80000000 seconds is 1968-01-20T03:14:08Z
    assertThat(NtpTime.toInstant(0x83aa7e80_00000000L)).isEqualTo(Instant.EPOCH);
    assertThat(NtpTime.toInstant(0x83aa7e80_80000000L)).isEqualTo(Instant.EPOCH.plusMillis(500));
    assertThat(NtpTime.toInstant(0x80000000_00000000L)).isEqualTo(NtpTime.MIN_INSTANT);
    assertThat(NtpTime.MIN_INSTANT).isEqualTo(Instant.parse("1968-01-20T03:14:08Z"));
    assertThat(NtpTime.fromInstant(Instant.EPOCH)).isEqualTo(0x83aa7e80_00000000L);
    assertThat(NtpTime.fromInstant(Instant.parse("2000-01-01T00:00:00.25Z")))
        .isEqualTo(0xbc17c200_40000000L);
  }

  @Test
  void handlesTheEraRolloverOf2036() {
    Instant rollover = Instant.parse("2036-02-07T06:28:16Z");
    assertThat(NtpTime.fromInstant(rollover)).isZero();
    assertThat(NtpTime.toInstant(0)).isEqualTo(rollover);
    assertThat(NtpTime.toInstant(0xffffffff_00000000L)).isEqualTo(rollover.minusSeconds(1));
    assertThat(NtpTime.fromInstant(rollover.minusNanos(1))).isEqualTo(0xffffffff_fffffffcL);
    assertThat(NtpTime.MAX_INSTANT).isEqualTo(Instant.parse("2104-02-26T09:42:24Z"));
    assertThat(NtpTime.toInstant(0x7fffffff_ffffffffL))
        .isEqualTo(NtpTime.MAX_INSTANT.minusNanos(1));
  }

  @Test
  void instantsRoundTripToTheNanosecond() {
    Random random = new Random(3550);
    long span = NtpTime.MAX_INSTANT.getEpochSecond() - NtpTime.MIN_INSTANT.getEpochSecond();
    for (int i = 0; i < 10_000; i++) {
      Instant instant =
          NtpTime.MIN_INSTANT
              .plusSeconds(Math.floorMod(random.nextLong(), span))
              .plusNanos(random.nextInt(1_000_000_000));
      assertThat(NtpTime.toInstant(NtpTime.fromInstant(instant))).isEqualTo(instant);
      long micros = instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1000;
      assertThat(NtpTime.toUnixMicros(NtpTime.fromUnixMicros(micros))).isEqualTo(micros);
    }
  }

  @Test
  void convertsUnixMicros() {
    assertThat(NtpTime.fromUnixMicros(0)).isEqualTo(0x83aa7e80_00000000L);
    // 999999 µs is 4294963001.03 units of 2^-32 s: rounded up, so the conversion back is exact
    long justBeforeTheEpoch = 0x83aa7e7fL << 32 | 4_294_963_002L;
    assertThat(NtpTime.fromUnixMicros(-1)).isEqualTo(justBeforeTheEpoch);
    assertThat(NtpTime.toUnixMicros(0x83aa7e80_80000000L)).isEqualTo(500_000);
    assertThat(NtpTime.toUnixMicros(justBeforeTheEpoch)).isEqualTo(-1);
    assertInvalid(() -> NtpTime.fromUnixMicros(Long.MAX_VALUE), "window");
  }

  @Test
  void rejectsInstantsOutsideTheWindow() {
    assertInvalid(() -> NtpTime.fromInstant(NtpTime.MIN_INSTANT.minusNanos(1)), "window");
    assertInvalid(() -> NtpTime.fromInstant(NtpTime.MAX_INSTANT), "window");
    assertThat(NtpTime.fromInstant(NtpTime.MIN_INSTANT)).isEqualTo(0x80000000_00000000L);
  }

  @Test
  void splitsAndJoinsWords() {
    long ntp = 0xda8bd1fc_dddda05aL;
    assertThat(NtpTime.seconds(ntp)).isEqualTo(0xda8bd1fcL);
    assertThat(NtpTime.fraction(ntp)).isEqualTo(0xdddda05aL);
    assertThat(NtpTime.of(0xda8bd1fcL, 0xdddda05aL)).isEqualTo(ntp);
    assertInvalid(() -> NtpTime.of(1L << 32, 0), "seconds");
    assertInvalid(() -> NtpTime.of(0, -1), "fraction");
  }

  @Test
  void compactFormIsTheMiddle32Bits() {
    assertThat(NtpTime.compact(0xda8bd1fc_dddda05aL)).isEqualTo(0xd1fcddddL);
    assertThat(NtpTime.compact(Instant.EPOCH.plusMillis(500))).isEqualTo(0x7e808000L);
  }

  @Test
  void convertsCompactDurations() {
    assertThat(NtpTime.compactToDuration(0)).isZero();
    assertThat(NtpTime.compactToDuration(65536)).isEqualTo(Duration.ofSeconds(1));
    assertThat(NtpTime.compactToDuration(1)).isEqualTo(Duration.ofNanos(15_259));
    assertThat(NtpTime.compactToDuration(150137)).isEqualTo(Duration.ofNanos(2_290_908_813L));
    assertThat(NtpTime.compactToDuration(0xffffffffL))
        .isEqualTo(Duration.ofNanos(65_535_999_984_741L));
    assertInvalid(() -> NtpTime.compactToDuration(-1), "units");
    assertThat(NtpTime.durationToCompact(Duration.ofMillis(1500))).isEqualTo(0x18000);
    assertThat(NtpTime.durationToCompact(Duration.ofNanos(7_629))).isZero();
    assertThat(NtpTime.durationToCompact(Duration.ofNanos(7_630))).isEqualTo(1);
    assertThat(NtpTime.durationToCompact(Duration.ofSeconds(65535, 999_999_999)))
        .isEqualTo(0xffffffffL);
    assertThat(NtpTime.durationToCompact(Duration.ofDays(1))).isEqualTo(0xffffffffL);
    assertInvalid(() -> NtpTime.durationToCompact(Duration.ofNanos(-1)), "negative");
  }

  @Test
  void roundTripTimeIsArrivalMinusLsrMinusDlsr() {
    // RFC 3550 §6.4.1's example: A = 0xb710:8000 (46864.500 s), LSR = 0xb705:2000 (46853.125 s),
    // DLSR = 0x0005:4000 (5.250 s), so the RTT is 0x0006:2000 (6.125 s)
    ReceptionReport report = new ReceptionReport(1, 0, 0, 0, 0, 0xb7052000L, 0x00054000L);
    assertThat(NtpTime.roundTripTime(report, 0xb7108000L)).contains(Duration.ofMillis(6125));
  }

  @Test
  void roundTripTimeWrapsAndClampsNegativeResults() {
    // LSR just before the compact clock wraps, arrival 1.5 s later just after it, DLSR 0.5 s
    ReceptionReport acrossWrap = new ReceptionReport(1, 0, 0, 0, 0, 0xffff0000L, 0x8000);
    assertThat(NtpTime.roundTripTime(acrossWrap, 0x00008000L)).contains(Duration.ofSeconds(1));
    ReceptionReport fromTheFuture = new ReceptionReport(1, 0, 0, 0, 0, 0x00020000L, 0x10000);
    assertThat(NtpTime.roundTripTime(fromTheFuture, 0x00020000L)).contains(Duration.ZERO);
    ReceptionReport noSenderReport = new ReceptionReport(1, 0, 0, 0, 0, 0, 0);
    assertThat(NtpTime.roundTripTime(noSenderReport, 0x12345678L)).isEmpty();
    assertInvalid(() -> NtpTime.roundTripTime(fromTheFuture, -1), "arrivalCompact");
  }
}
