package org.ortc4j.rtcp;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.ortc4j.rtcp.internal.FieldChecks;

/**
 * NTP timestamps as RTCP carries them, and the arithmetic a sender and a receiver do with them.
 *
 * <p>A full NTP timestamp is 64 bits: unsigned seconds since 1900-01-01T00:00:00Z in the high 32
 * bits, the fraction of a second in the low 32. This class passes it around as a {@code long}
 * holding those raw bits (so it may be negative as a Java {@code long}), as {@link
 * SenderReport#ntpTimestamp()} does.
 *
 * <p>The 32-bit seconds field wraps on 2036-02-07T06:28:16Z. Following the usual convention (RFC
 * 4330 §3, RFC 5905 §6), a seconds value with its top bit set is read as 1968–2036 and one with its
 * top bit clear as 2036–2104, so the timestamps this class converts cover {@link #MIN_INSTANT}
 * (inclusive) to {@link #MAX_INSTANT} (exclusive).
 *
 * <p>The <em>compact</em> form is the middle 32 bits of a timestamp: 16 bits of seconds and 16 of
 * fraction, a time modulo about 18.2 hours in units of 1/65536 s. Report blocks carry it in LSR,
 * and DLSR counts a delay in the same units.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3550#section-4">RFC 3550 §4</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3550#section-6.4.1">RFC 3550 §6.4.1</a>
 */
public final class NtpTime {
  private NtpTime() {}

  /** Seconds from the NTP epoch (1900) to the Unix epoch (1970). */
  public static final long UNIX_EPOCH_OFFSET_SECONDS = 2_208_988_800L;

  /** The earliest instant a timestamp represents: seconds 0x80000000, era 0. */
  public static final Instant MIN_INSTANT =
      Instant.ofEpochSecond(0x8000_0000L - UNIX_EPOCH_OFFSET_SECONDS);

  /** The first instant past the last one a timestamp represents: seconds 0x80000000, era 1. */
  public static final Instant MAX_INSTANT =
      Instant.ofEpochSecond(0x1_8000_0000L - UNIX_EPOCH_OFFSET_SECONDS);

  private static final long NANOS_PER_SECOND = 1_000_000_000L;
  private static final long MICROS_PER_SECOND = 1_000_000L;
  private static final long U32_MASK = 0xffff_ffffL;
  private static final long COMPACT_UNITS_PER_SECOND = 1L << 16;

  /**
   * The NTP timestamp of {@code instant}: the smallest one not earlier than it, so that {@link
   * #toInstant(long)} gives {@code instant} back.
   *
   * @throws IllegalArgumentException if {@code instant} is outside [{@link #MIN_INSTANT}, {@link
   *     #MAX_INSTANT})
   */
  public static long fromInstant(Instant instant) {
    checkWindow(instant);
    long fraction = ceilDiv((long) instant.getNano() << 32, NANOS_PER_SECOND);
    return ntpSecondsOf(instant.getEpochSecond()) << 32 | fraction;
  }

  /** The instant {@code ntpTimestamp} stands for, truncated to whole nanoseconds. */
  public static Instant toInstant(long ntpTimestamp) {
    long nanos = ((ntpTimestamp & U32_MASK) * NANOS_PER_SECOND) >>> 32;
    return Instant.ofEpochSecond(unixSecondsOf(ntpTimestamp >>> 32), nanos);
  }

  /**
   * The NTP timestamp of a time given in microseconds since the Unix epoch (as {@code
   * System.currentTimeMillis() * 1000} or a monotonic clock anchored to it).
   *
   * @throws IllegalArgumentException if the time is outside [{@link #MIN_INSTANT}, {@link
   *     #MAX_INSTANT})
   */
  public static long fromUnixMicros(long unixMicros) {
    long seconds = Math.floorDiv(unixMicros, MICROS_PER_SECOND);
    long micros = Math.floorMod(unixMicros, MICROS_PER_SECOND);
    checkWindow(Instant.ofEpochSecond(seconds));
    return ntpSecondsOf(seconds) << 32 | ceilDiv(micros << 32, MICROS_PER_SECOND);
  }

  /** Microseconds since the Unix epoch of {@code ntpTimestamp}, truncated. */
  public static long toUnixMicros(long ntpTimestamp) {
    long micros = ((ntpTimestamp & U32_MASK) * MICROS_PER_SECOND) >>> 32;
    return unixSecondsOf(ntpTimestamp >>> 32) * MICROS_PER_SECOND + micros;
  }

  /** The seconds word (high 32 bits) of a timestamp. */
  public static long seconds(long ntpTimestamp) {
    return ntpTimestamp >>> 32;
  }

  /** The fraction word (low 32 bits) of a timestamp, in units of 2^-32 s. */
  public static long fraction(long ntpTimestamp) {
    return ntpTimestamp & U32_MASK;
  }

  /** The timestamp made of a seconds word and a fraction word. */
  public static long of(long seconds, long fraction) {
    FieldChecks.u32(seconds, "seconds");
    FieldChecks.u32(fraction, "fraction");
    return seconds << 32 | fraction;
  }

  /** The compact form of a timestamp: its middle 32 bits, as report blocks carry in LSR. */
  public static long compact(long ntpTimestamp) {
    return (ntpTimestamp >>> 16) & U32_MASK;
  }

  /** The compact form of {@code instant}'s timestamp; see {@link #fromInstant(Instant)}. */
  public static long compact(Instant instant) {
    return compact(fromInstant(instant));
  }

  /**
   * A duration in compact units (1/65536 s), as DLSR counts, rounded to the nearest nanosecond.
   *
   * @throws IllegalArgumentException if {@code units} is not an unsigned 32-bit value
   */
  public static Duration compactToDuration(long units) {
    FieldChecks.u32(units, "units");
    return Duration.ofNanos((units * NANOS_PER_SECOND + COMPACT_UNITS_PER_SECOND / 2) >>> 16);
  }

  /**
   * {@code duration} in compact units (1/65536 s), rounded to the nearest unit and saturated to the
   * 32-bit field's range, as a receiver fills DLSR.
   *
   * @throws IllegalArgumentException if {@code duration} is negative
   */
  public static long durationToCompact(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("negative duration " + duration);
    }
    if (duration.getSeconds() >= 1L << 16) {
      return U32_MASK;
    }
    long fraction = ((long) duration.getNano() << 16) + NANOS_PER_SECOND / 2;
    return Math.min(U32_MASK, (duration.getSeconds() << 16) + fraction / NANOS_PER_SECOND);
  }

  /**
   * The round-trip time a report block shows (RFC 3550 §6.4.1): arrival time A minus LSR minus
   * DLSR, all in compact form, so modulo about 18.2 hours.
   *
   * @param report a block about one of our sources, from a packet that arrived at {@code arrival}
   * @param arrival when the packet carrying {@code report} arrived, on our NTP wall clock
   * @return empty when LSR is 0 (the peer has no Sender Report of ours yet); zero when clock steps
   *     make the difference negative
   */
  public static Optional<Duration> roundTripTime(ReceptionReport report, Instant arrival) {
    return roundTripTime(report, compact(arrival));
  }

  /**
   * {@link #roundTripTime(ReceptionReport, Instant)} with the arrival time already in compact form.
   *
   * @throws IllegalArgumentException if {@code arrivalCompact} is not an unsigned 32-bit value
   */
  public static Optional<Duration> roundTripTime(ReceptionReport report, long arrivalCompact) {
    FieldChecks.u32(arrivalCompact, "arrivalCompact");
    if (report.lastSenderReport() == 0) {
      return Optional.empty();
    }
    long units =
        (arrivalCompact - report.lastSenderReport() - report.delaySinceLastSenderReport())
            & U32_MASK;
    // Modulo 2^32 a negative result (clock stepped back) looks huge; a real RTT is never 9 hours.
    if (units >= 1L << 31) {
      return Optional.of(Duration.ZERO);
    }
    return Optional.of(compactToDuration(units));
  }

  private static void checkWindow(Instant instant) {
    if (instant.isBefore(MIN_INSTANT) || !instant.isBefore(MAX_INSTANT)) {
      throw new IllegalArgumentException(
          instant
              + " is outside the NTP timestamp window ["
              + MIN_INSTANT
              + ", "
              + MAX_INSTANT
              + ")");
    }
  }

  private static long ntpSecondsOf(long unixSeconds) {
    return (unixSeconds + UNIX_EPOCH_OFFSET_SECONDS) & U32_MASK;
  }

  private static long unixSecondsOf(long ntpSeconds) {
    long era = (ntpSeconds & 0x8000_0000L) == 0 ? 1L << 32 : 0;
    return ntpSeconds + era - UNIX_EPOCH_OFFSET_SECONDS;
  }

  private static long ceilDiv(long dividend, long divisor) {
    return (dividend + divisor - 1) / divisor;
  }
}
