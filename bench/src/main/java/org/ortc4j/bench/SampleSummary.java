package org.ortc4j.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * Order statistics of a set of timings, in nanoseconds: the same for every side of a comparison,
 * OpenSSL's included (the harness prints each handshake's times, and they are summarized here).
 *
 * @param count how many samples
 * @param median the middle sample (the upper middle one for an even count)
 * @param p10 the sample 10 % of the way up
 * @param p90 the sample 90 % of the way up
 * @param mean the arithmetic mean
 */
record SampleSummary(int count, long median, long p10, long p90, double mean) {

  /** Summarizes {@code samples} (not modified); at least one sample. */
  static SampleSummary of(long[] samples) {
    if (samples.length == 0) {
      throw new IllegalArgumentException("no samples");
    }
    long[] sorted = samples.clone();
    Arrays.sort(sorted);
    return new SampleSummary(
        sorted.length,
        sorted[sorted.length / 2],
        sorted[(sorted.length - 1) / 10],
        sorted[(sorted.length - 1) * 9 / 10],
        Arrays.stream(sorted).average().orElseThrow());
  }

  /** "median (p10–p90)" in milliseconds with two decimals, for the text report. */
  String toMillis() {
    return String.format(
        Locale.ROOT, "%.2f (%.2f–%.2f)", median / 1e6, p10 / 1e6, p90 / 1e6);
  }

  /** A JSON object with the figures in nanoseconds. */
  String toJson() {
    return String.format(
        Locale.ROOT,
        "{\"count\": %d, \"medianNs\": %d, \"p10Ns\": %d, \"p90Ns\": %d, \"meanNs\": %.0f}",
        count, median, p10, p90, mean);
  }
}
