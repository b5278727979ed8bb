package org.ortc4j.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.tls.NamedGroup;

/**
 * One batch of DTLS handshakes in a fresh JVM, printed in the OpenSSL harness's format (see {@link
 * HandshakeReport}): {@link DtlsBench} starts one per scenario and round, as JMH forks, so that no
 * scenario's JIT profile pollutes another's. With no warm-up the first handshake is the JVM's
 * cold first one (class loading, interpreter, JIT), after the certificates were made.
 *
 * <p>Usage: {@code DtlsHandshakeRun <scenario> <handshakes> <warmup>}, scenario one of {@link
 * #SCENARIOS}. Extra keys printed: {@code setup_ns} (making both ends' certificates and crypto),
 * {@code main_entry_ms} (JVM uptime when {@code main} started) and {@code process_cpu_ns} (the
 * whole process's CPU time at the end, JIT and GC threads included).
 */
public final class DtlsHandshakeRun {
  /** The scenarios this class can run. */
  static final List<String> SCENARIOS = List.of("ortc4j", "bctls-bc", "bctls-bc-p256", "bctls-jca");

  private static final long CHILD_TIMEOUT_SECONDS = 600;

  private DtlsHandshakeRun() {}

  /**
   * Runs the batch and prints its report.
   *
   * @param args scenario, measured handshakes, warm-up handshakes
   */
  public static void main(String[] args) throws Exception {
    long mainEntryMillis = ManagementFactory.getRuntimeMXBean().getUptime();
    if (args.length != 3 || !SCENARIOS.contains(args[0])) {
      throw new IllegalArgumentException(
          "usage: DtlsHandshakeRun <" + String.join("|", SCENARIOS) + "> <handshakes> <warmup>");
    }
    int handshakes = Integer.parseInt(args[1]);
    int warmup = Integer.parseInt(args[2]);
    long setupStart = System.nanoTime();
    try (HandshakeScenario scenario = scenario(args[0])) {
      long setup = System.nanoTime() - setupStart;
      for (int i = 0; i < warmup; i++) {
        check(scenario.run());
      }
      List<HandshakeOutcome> measured = new ArrayList<>();
      for (int i = 0; i < handshakes; i++) {
        measured.add(check(scenario.run()));
      }
      System.out.print(report(args[0], scenario, setup, mainEntryMillis, warmup, measured));
    }
  }

  /**
   * Runs a batch in a child JVM with this JVM's class path and returns its report.
   *
   * @throws IOException if the child fails (its output in the message) or takes 10 minutes
   */
  static HandshakeReport fork(String scenario, int handshakes, int warmup)
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        List.of(java, "-cp", System.getProperty("java.class.path"),
            DtlsHandshakeRun.class.getName(), scenario, "" + handshakes, "" + warmup);
    OpenSslDtlsHarness.Result result =
        OpenSslDtlsHarness.execute(command, CHILD_TIMEOUT_SECONDS);
    if (result.exitCode() != 0) {
      throw new IOException(scenario + " failed (" + result.exitCode() + "): " + result.output());
    }
    return HandshakeReport.parse(result.output());
  }

  /** Makes the named scenario (certificates included). */
  static HandshakeScenario scenario(String name) {
    switch (name) {
      case "ortc4j":
        return new Ortc4jHandshake();
      case "bctls-bc":
        return new RawBctlsHandshake(RawBctlsHandshake.Crypto.BC, -1);
      case "bctls-bc-p256":
        return new RawBctlsHandshake(RawBctlsHandshake.Crypto.BC, NamedGroup.secp256r1);
      case "bctls-jca":
        return new RawBctlsHandshake(RawBctlsHandshake.Crypto.JCA, -1);
      default:
        throw new IllegalArgumentException("unknown scenario " + name);
    }
  }

  private static HandshakeOutcome check(HandshakeOutcome outcome) {
    if (!outcome.keysEqual()) {
      throw new IllegalStateException("the two ends exported different SRTP keys");
    }
    return outcome;
  }

  private static String report(
      String name,
      HandshakeScenario scenario,
      long setupNanos,
      long mainEntryMillis,
      int warmup,
      List<HandshakeOutcome> measured) {
    HandshakeOutcome last = measured.get(measured.size() - 1);
    long processCpu = processCpuNanos();
    Map<String, String> values = new LinkedHashMap<>();
    values.put("scenario", name);
    values.put("library", scenario.library());
    values.put("handshakes", "" + measured.size());
    values.put("warmup", "" + warmup);
    values.put("cipher", last.cipherSuite());
    values.put("group", last.group());
    values.put("srtp_profile", last.srtpProfile());
    values.put("keys_equal", "1");
    values.put("setup_ns", "" + setupNanos);
    values.put("main_entry_ms", "" + mainEntryMillis);
    values.put("process_cpu_ns", "" + processCpu);
    return HandshakeReport.format(values, measured);
  }

  private static long processCpuNanos() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun
        ? sun.getProcessCpuTime()
        : -1;
  }
}
