package org.ortc4j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.ortc4j.dtls.CertificateKeyType;
import org.ortc4j.dtls.DtlsCertificate;

/**
 * The DTLS figures of {@code bench/README.md}, all in one session so that every side sees the
 * same machine load: warm handshakes (ortc4j, raw bctls, OpenSSL), cold first handshakes in fresh
 * JVMs, and certificate generation.
 *
 * <p>Why a main and not JMH: a handshake takes milliseconds on two threads, and the figure wanted
 * is the CPU both threads spend on it, which JMH cannot normalize per operation; JMH's guards
 * against dead code and loop optimizations do not matter at that scale. Each Java scenario runs
 * in its own JVM per round ({@link DtlsHandshakeRun}, like JMH forks), interleaved round by round
 * with our OpenSSL harness ({@link OpenSslDtlsHarness}), and every side is summarized by the same
 * code ({@link SampleSummary}) from per-handshake samples.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar org.ortc4j.bench.DtlsBench [--handshakes
 * 200] [--warmup 1000] [--rounds 3] [--cold 5] [--out bench/results/dtls] [--bench-dir bench]};
 * writes {@code <out>.txt} and {@code <out>.json}. Needs gcc and libssl-dev.
 */
public final class DtlsBench {
  private static final int OPENSSL_WARMUP = 20;
  private static final int COLD_HANDSHAKES = 10;

  private final Map<String, String> options;
  private final BenchReport report = new BenchReport();

  private DtlsBench(Map<String, String> options) {
    this.options = options;
  }

  /** Runs everything and writes the results; see the class comment for the options. */
  public static void main(String[] args) throws Exception {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("handshakes", "200");
    options.put("warmup", "1000");
    options.put("rounds", "3");
    options.put("cold", "5");
    options.put("out", "bench/results/dtls");
    options.put("bench-dir", "bench");
    new DtlsBench(BenchOptions.parse(options, args)).run();
  }

  private int option(String name) {
    return Integer.parseInt(options.get(name));
  }

  private void run() throws Exception {
    Path benchDir = Path.of(options.get("bench-dir"));
    OpenSslDtlsHarness openSsl =
        OpenSslDtlsHarness.build(benchDir, benchDir.resolve("target/dtls-bench"));
    line("DTLS benchmarks, " + Instant.now() + ", options " + options);
    machine();
    warmHandshakes(openSsl);
    coldHandshakes();
    certificates();
    machineLoad("load average at the end");
    write(Path.of(options.get("out")));
  }

  // Machine

  private void machine() throws IOException {
    String model =
        Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
            .filter(l -> l.startsWith("model name"))
            .findFirst()
            .map(l -> l.substring(l.indexOf(':') + 1).trim())
            .orElse("?");
    String jvm =
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
    line("cpu: " + model + ", " + Runtime.getRuntime().availableProcessors() + " cpus; " + jvm);
    report.json(
        "\"machine\": {\"cpu\": "
            + quote(model)
            + ", \"cpus\": "
            + Runtime.getRuntime().availableProcessors()
            + ", \"jvm\": "
            + quote(jvm)
            + ", \"loadAverageAtStart\": "
            + quote(loadAverage())
            + "}");
    machineLoad("load average at the start");
  }

  private void machineLoad(String what) throws IOException {
    line(what + ": " + loadAverage());
  }

  private static String loadAverage() throws IOException {
    return Files.readString(Path.of("/proc/loadavg")).trim();
  }

  // Warm handshakes

  private void warmHandshakes(OpenSslDtlsHarness openSsl) throws Exception {
    Map<String, List<HandshakeReport>> batches = new LinkedHashMap<>();
    for (int round = 1; round <= option("rounds"); round++) {
      int n = option("handshakes");
      add(batches, "openssl", openSsl.run(n, OPENSSL_WARMUP, null));
      add(batches, "openssl-p256", openSsl.run(n, OPENSSL_WARMUP, "P-256"));
      for (String scenario : DtlsHandshakeRun.SCENARIOS) {
        add(batches, scenario, child(scenario, n, option("warmup")));
      }
    }
    line("");
    line("Warm handshakes: median (p10–p90) ms per handshake, " + option("rounds")
        + " rounds × " + option("handshakes") + " handshakes per scenario, interleaved");
    line(String.format(Locale.ROOT, "%-15s %-34s %-10s %-24s %-24s %-9s %s", "scenario",
        "library", "group", "wall", "cpu (both ends)", "cpu/ossl", "round medians (wall)"));
    List<String> entries = new ArrayList<>();
    batches.forEach((name, reports) -> entries.add(warmEntry(name, reports, batches)));
    report.json("\"warm\": [" + String.join(", ", entries) + "]");
  }

  private static void add(
      Map<String, List<HandshakeReport>> batches, String name, HandshakeReport report) {
    batches.computeIfAbsent(name, k -> new ArrayList<>()).add(report);
  }

  private String warmEntry(
      String name, List<HandshakeReport> reports, Map<String, List<HandshakeReport>> batches) {
    Map<String, String> first = reports.get(0).values();
    SampleSummary wall = SampleSummary.of(concat(reports, true));
    SampleSummary cpu = SampleSummary.of(concat(reports, false));
    String group = normalGroup(first.get("group"));
    double ratio = (double) cpu.median() / openSslCpu(batches, group).median();
    line(String.format(Locale.ROOT, "%-15s %-34s %-10s %-24s %-24s %-9.2f %s", name,
        first.get("library"), group, wall.toMillis(), cpu.toMillis(), ratio,
        roundMedians(reports)));
    boolean keysEqual = reports.stream().allMatch(r -> "1".equals(r.values().get("keys_equal")));
    return "{\"scenario\": " + quote(name)
        + ", \"library\": " + quote(first.get("library"))
        + ", \"cipher\": " + quote(first.get("cipher"))
        + ", \"group\": " + quote(group)
        + ", \"srtpProfile\": " + quote(first.get("srtp_profile"))
        + ", \"keysEqual\": " + keysEqual
        + ", \"wall\": " + wall.toJson()
        + ", \"cpu\": " + cpu.toJson()
        + String.format(Locale.ROOT, ", \"cpuMedianOverOpenSslSameGroup\": %.3f}", ratio);
  }

  /** OpenSSL's CPU time with the same key exchange group, the denominator of the ratios. */
  private static SampleSummary openSslCpu(
      Map<String, List<HandshakeReport>> batches, String group) {
    String openSsl = group.equals("x25519") ? "openssl" : "openssl-p256";
    return SampleSummary.of(concat(batches.get(openSsl), false));
  }

  /** Each round's median wall time, to show the spread between forks. */
  private static String roundMedians(List<HandshakeReport> reports) {
    StringBuilder rounds = new StringBuilder();
    for (HandshakeReport report : reports) {
      double median = SampleSummary.of(report.wallNanos()).median() / 1e6;
      rounds.append(rounds.length() == 0 ? "" : " / ")
          .append(String.format(Locale.ROOT, "%.2f", median));
    }
    return rounds.toString();
  }

  private static long[] concat(List<HandshakeReport> reports, boolean wall) {
    return reports.stream()
        .flatMapToLong(r -> Arrays.stream(wall ? r.wallNanos() : r.cpuNanos()))
        .toArray();
  }

  /** One spelling per group: OpenSSL says prime256v1 and X25519, BouncyCastle secp256r1, x25519. */
  private static String normalGroup(String group) {
    String lower = group == null ? "?" : group.toLowerCase(Locale.ROOT);
    return lower.equals("prime256v1") ? "secp256r1" : lower;
  }

  // Cold handshakes

  private void coldHandshakes() throws Exception {
    line("");
    line("Cold: a fresh JVM per run, certificates made, then " + COLD_HANDSHAKES
        + " handshakes; median (min–max) over " + option("cold") + " runs, ms");
    line(String.format(Locale.ROOT, "%-15s %-22s %-22s %-22s %-22s %-22s %s", "scenario",
        "main entered (uptime)", "setup (certificates)", "1st wall", "1st cpu (both ends)",
        "2nd wall", "10th wall"));
    List<String> entries = new ArrayList<>();
    for (String scenario : coldScenarios()) {
      List<HandshakeReport> runs = new ArrayList<>();
      for (int i = 0; i < option("cold"); i++) {
        runs.add(child(scenario, COLD_HANDSHAKES, 0));
      }
      entries.add(coldEntry(scenario, runs));
    }
    report.json("\"cold\": [" + String.join(", ", entries) + "]");
  }

  private static List<String> coldScenarios() {
    return List.of("ortc4j", "bctls-bc");
  }

  private String coldEntry(String scenario, List<HandshakeReport> runs) {
    Map<String, long[]> columns = new LinkedHashMap<>();
    columns.put("mainEntered", runs.stream()
        .mapToLong(r -> Long.parseLong(r.values().get("main_entry_ms")) * 1_000_000).toArray());
    columns.put("setup", values(runs, "setup_ns"));
    columns.put("firstWall", runs.stream().mapToLong(r -> r.wallNanos()[0]).toArray());
    columns.put("firstCpu", runs.stream().mapToLong(r -> r.cpuNanos()[0]).toArray());
    columns.put("secondWall", runs.stream().mapToLong(r -> r.wallNanos()[1]).toArray());
    columns.put("tenthWall",
        runs.stream().mapToLong(r -> r.wallNanos()[COLD_HANDSHAKES - 1]).toArray());
    StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-15s", scenario));
    columns.forEach((name, samples) -> row.append(String.format(Locale.ROOT, " %-22s",
        medianMinMax(samples))));
    line(row.toString());
    columns.put("processCpuAtEnd", values(runs, "process_cpu_ns"));
    StringBuilder entry = new StringBuilder("{\"scenario\": " + quote(scenario));
    columns.forEach((name, samples) ->
        entry.append(", \"").append(name).append("Ns\": ").append(Arrays.toString(samples)));
    return entry.append("}").toString();
  }

  /** "median (min–max)" in milliseconds, for a few cold runs. */
  private static String medianMinMax(long[] samples) {
    long[] sorted = samples.clone();
    Arrays.sort(sorted);
    return String.format(Locale.ROOT, "%.1f (%.1f–%.1f)", sorted[sorted.length / 2] / 1e6,
        sorted[0] / 1e6, sorted[sorted.length - 1] / 1e6);
  }

  private static long[] values(List<HandshakeReport> runs, String key) {
    return runs.stream().mapToLong(r -> Long.parseLong(r.values().get(key))).toArray();
  }

  // Certificates

  private void certificates() {
    line("");
    line("Certificate generation, warm, in this JVM: median (p10–p90) ms");
    List<String> entries = new ArrayList<>();
    Map<String, Supplier<Object>> p256 = new LinkedHashMap<>();
    p256.put("ortc4j DtlsCertificate P-256", DtlsCertificate::generate);
    p256.put("bcpkix JCA (SunEC) P-256", () ->
        BcpkixCertificates.generateJdk(BcpkixCertificates.KeyType.ECDSA_P256, "bench"));
    p256.put("bcpkix lightweight P-256", () ->
        BcpkixCertificates.generateLightweight(BcpkixCertificates.KeyType.ECDSA_P256, "bench"));
    Map<String, Supplier<Object>> rsa = new LinkedHashMap<>();
    rsa.put("ortc4j DtlsCertificate RSA-2048", () -> DtlsCertificate.generate(
        CertificateKeyType.RSA_2048, DtlsCertificate.DEFAULT_COMMON_NAME,
        DtlsCertificate.DEFAULT_VALIDITY));
    rsa.put("bcpkix JCA (SunRsaSign) RSA-2048", () ->
        BcpkixCertificates.generateJdk(BcpkixCertificates.KeyType.RSA_2048, "bench"));
    rsa.put("bcpkix lightweight RSA-2048", () ->
        BcpkixCertificates.generateLightweight(BcpkixCertificates.KeyType.RSA_2048, "bench"));
    p256.forEach((name, generate) -> entries.add(certificateEntry(name, generate, 200, 200)));
    rsa.forEach((name, generate) -> entries.add(certificateEntry(name, generate, 5, 20)));
    report.json("\"certificates\": [" + String.join(", ", entries) + "]");
  }

  private String certificateEntry(String name, Supplier<Object> generate, int warmup, int n) {
    for (int i = 0; i < warmup; i++) {
      generate.get();
    }
    long[] samples = new long[n];
    for (int i = 0; i < n; i++) {
      long start = System.nanoTime();
      generate.get();
      samples[i] = System.nanoTime() - start;
    }
    SampleSummary summary = SampleSummary.of(samples);
    line(String.format(Locale.ROOT, "%-36s %s   (%d after %d warm-up)",
        name, summary.toMillis(), n, warmup));
    return "{\"generator\": " + quote(name) + ", \"time\": " + summary.toJson() + "}";
  }

  // Children and output

  private HandshakeReport child(String scenario, int handshakes, int warmup)
      throws IOException, InterruptedException {
    return DtlsHandshakeRun.fork(scenario, handshakes, warmup);
  }

  private void line(String line) {
    report.line(line);
  }

  private void write(Path out) throws IOException {
    report.write(out);
  }

  private static String quote(String value) {
    return BenchReport.quote(value);
  }
}
