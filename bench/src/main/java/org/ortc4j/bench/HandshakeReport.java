package org.ortc4j.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one batch of handshakes printed, as {@code key=value} lines: the OpenSSL harness and {@link
 * DtlsHandshakeRun} print the same keys ({@code library}, {@code cipher}, {@code group}, {@code
 * srtp_profile}, {@code keys_equal}, and {@code wall_ns} and {@code cpu_ns} listing every measured
 * handshake in order), so that every side is summarized by the same code.
 *
 * @param values every key and its value, in printed order
 * @param handshakes the measured handshakes, in order
 */
record HandshakeReport(Map<String, String> values, List<HandshakeOutcome> handshakes) {

  /** Parses printed output; lines without {@code =} are ignored. */
  static HandshakeReport parse(String output) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String line : output.split("\n")) {
      int equals = line.indexOf('=');
      if (equals > 0) {
        values.put(line.substring(0, equals), line.substring(equals + 1).trim());
      }
    }
    return new HandshakeReport(values, outcomes(values));
  }

  /** Prints {@code handshakes} with the {@code negotiated} values in the same format. */
  static String format(Map<String, String> negotiated, List<HandshakeOutcome> handshakes) {
    StringBuilder out = new StringBuilder();
    negotiated.forEach((key, value) -> out.append(key).append('=').append(value).append('\n'));
    out.append("wall_ns=").append(join(handshakes, true)).append('\n');
    out.append("cpu_ns=").append(join(handshakes, false)).append('\n');
    return out.toString();
  }

  /** Every measured handshake's wall time, in nanoseconds. */
  long[] wallNanos() {
    return handshakes.stream().mapToLong(HandshakeOutcome::wallNanos).toArray();
  }

  /** Every measured handshake's CPU time (both ends), in nanoseconds. */
  long[] cpuNanos() {
    return handshakes.stream().mapToLong(HandshakeOutcome::cpuNanos).toArray();
  }

  private static String join(List<HandshakeOutcome> handshakes, boolean wall) {
    StringBuilder out = new StringBuilder();
    for (HandshakeOutcome handshake : handshakes) {
      out.append(out.length() == 0 ? "" : ",")
          .append(wall ? handshake.wallNanos() : handshake.cpuNanos());
    }
    return out.toString();
  }

  private static List<HandshakeOutcome> outcomes(Map<String, String> values) {
    String[] wall = values.getOrDefault("wall_ns", "").split(",");
    String[] cpu = values.getOrDefault("cpu_ns", "").split(",");
    List<HandshakeOutcome> outcomes = new ArrayList<>();
    for (int i = 0; i < wall.length && !wall[i].isEmpty(); i++) {
      outcomes.add(
          new HandshakeOutcome(
              Long.parseLong(wall[i]),
              Long.parseLong(cpu[i]),
              values.get("cipher"),
              values.get("group"),
              values.get("srtp_profile"),
              "1".equals(values.get("keys_equal"))));
    }
    return outcomes;
  }
}
