package org.ortc4j.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.ortc4j.api.OrtcSettings;
import org.ortc4j.srtp.SrtpProfile;

/**
 * The api figures of {@code bench/README.md}, each next to the layers under the api measured in
 * the same run, so that the ratio shows what the api adds:
 *
 * <ol>
 *   <li><b>connect</b>: from the start of gathering to DTLS connected for two {@link
 *       ApiCallPair} peers on 127.0.0.1 (gather -> ICE connected -> DTLS connected), cold (the
 *       first connection of a fresh JVM, one fork per sample) and warm (after warm-up, in this
 *       JVM); reference: {@link LowerLayersConnect} (two {@code IceAgent}s, then a {@code
 *       DtlsSession} handshake over UDP), interleaved run by run;
 *   <li><b>media</b>: RTP of 1200-byte payloads end to end ({@link MediaThroughput}), paced at
 *       rising rates until a run loses a packet (tried twice), both directions at once and one
 *       alone, for AES_CM_128_HMAC_SHA1_80 and AEAD_AES_128_GCM; reference: {@link
 *       SrtpRoundTrip}, SRTP protect + unprotect alone on one thread.
 * </ol>
 *
 * <p>Why a main and not JMH: each figure is a small network scenario on several threads (as in
 * {@code IceBench}); JMH's per-operation machinery does not apply. Cold samples run in fresh
 * JVMs like JMH forks.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar org.ortc4j.bench.ApiBench [--cold 5]
 * [--warmup 20] [--runs 50] [--media-seconds 2] [--goal-runs 3] [--read-queue 0] [--only
 * all|connect|media|compare] [--compare-read-queue 2048] [--out bench/results/api]} ({@code
 * --read-queue}: the readers' queue capacity, 0 for the default; {@code compare}: only the
 * read queue comparison, default against {@code --compare-read-queue}, interleaved); writes {@code <out>.txt} and {@code <out>.json}. About 2 minutes.
 */
public final class ApiBench {
  private static final long[] RATES =
      {25_000, 50_000, 75_000, 100_000, 125_000, 150_000, 200_000, 250_000};
  private static final List<SrtpProfile> PROFILES =
      List.of(SrtpProfile.AES128_CM_HMAC_SHA1_80, SrtpProfile.AEAD_AES_128_GCM);
  private static final long CHILD_TIMEOUT_SECONDS = 60;
  /** The goal: packets/s per direction, both directions at once, no loss. */
  private static final long GOAL = 50_000;
  /** A DTLS part longer than this waited for a retransmission (the first comes after 1 s). */
  private static final long RETRANSMIT_MS = 500;

  private final Map<String, String> options;
  private final BenchReport report = new BenchReport();

  private ApiBench(Map<String, String> options) {
    this.options = options;
  }

  /** Runs the measurements and writes the results; see the class comment for the options. */
  public static void main(String[] args) throws Exception {
    if (args.length == 2 && args[0].equals("--child")) {
      coldChild(args[1]);
      return;
    }
    Map<String, String> options = new LinkedHashMap<>();
    options.put("cold", "5");
    options.put("warmup", "20");
    options.put("runs", "50");
    options.put("media-seconds", "2");
    options.put("goal-runs", "3");
    options.put("read-queue", "0");
    options.put("compare-read-queue", "2048");
    options.put("only", "all");
    options.put("out", "bench/results/api");
    new ApiBench(BenchOptions.parse(options, args)).run();
    System.exit(0); // ice4j leaves daemon-less timers behind
  }

  private static OrtcSettings settings(SrtpProfile... profiles) {
    return settings(0, profiles);
  }

  /** Loopback only, the defaults otherwise ({@code readQueue} 0: the default queue). */
  private static OrtcSettings settings(int readQueue, SrtpProfile... profiles) {
    OrtcSettings.Builder builder = OrtcSettings.builder().loopbackOnly();
    if (readQueue > 0) {
      builder.readQueueCapacity(readQueue);
    }
    return profiles.length == 0 ? builder.build() : builder.srtpProfiles(profiles).build();
  }

  private int option(String name) {
    return Integer.parseInt(options.get(name));
  }

  private void run() throws Exception {
    line("api benchmarks, " + Instant.now() + ", options " + options);
    machine();
    String only = options.get("only");
    if (only.equals("all") || only.equals("connect")) {
      cold();
      warm();
    }
    if (only.equals("all") || only.equals("media")) {
      media();
    }
    if (only.equals("compare")) {
      compareReadQueues();
    }
    line("load average at the end: " + loadAverage());
    write(Path.of(options.get("out")));
  }

  // Machine

  private void machine() throws IOException {
    String model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
        .filter(l -> l.startsWith("model name")).findFirst()
        .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
    String jvm = System.getProperty("java.vm.name") + " "
        + System.getProperty("java.runtime.version");
    int cpus = Runtime.getRuntime().availableProcessors();
    line("cpu: " + model + ", " + cpus + " cpus; " + jvm);
    line("load average at the start: " + loadAverage());
    report.json("\"machine\": {\"cpu\": " + quote(model) + ", \"cpus\": " + cpus + ", \"jvm\": "
        + quote(jvm) + ", \"loadAverageAtStart\": " + quote(loadAverage()) + "}");
  }

  private static String loadAverage() throws IOException {
    return Files.readString(Path.of("/proc/loadavg")).trim();
  }

  // Connect, cold

  /** In a fresh JVM: makes one side's objects, connects once, prints key=value lines. */
  private static void coldChild(String scenario) throws Exception {
    long mainEntered = ManagementFactory.getRuntimeMXBean().getUptime();
    long t = System.nanoTime();
    ConnectTimes times;
    long setup;
    if (scenario.equals("api")) {
      try (ApiCallPair pair = new ApiCallPair(settings())) {
        setup = System.nanoTime() - t;
        times = pair.connect();
      }
    } else {
      try (LowerLayersConnect lower = new LowerLayersConnect(settings().iceConfig())) {
        setup = System.nanoTime() - t;
        times = lower.connect();
      }
    }
    System.out.println("main_entry_ms=" + mainEntered);
    System.out.println("setup_ns=" + setup);
    System.out.println("ice_ns=" + times.iceNanos());
    System.out.println("dtls_ns=" + times.dtlsNanos());
    System.exit(0);
  }

  private void cold() throws Exception {
    Map<String, List<Map<String, Long>>> runs = new LinkedHashMap<>();
    for (int i = 0; i < option("cold"); i++) { // interleaved: the machine's load drifts
      for (String scenario : List.of("api", "lower")) {
        runs.computeIfAbsent(scenario, k -> new ArrayList<>()).add(fork(scenario));
      }
    }
    line("");
    line("Cold: first connection of a fresh JVM, " + option("cold") + " forks each; median "
        + "(p10–p90) ms; setup = objects and certificates, before the clock starts");
    line(String.format(Locale.ROOT, "%-6s %-22s %-22s %-22s %-22s %-22s", "", "jvm to main",
        "setup", "gather->ICE", "ICE->DTLS", "gather->DTLS"));
    List<String> entries = new ArrayList<>();
    runs.forEach((scenario, samples) -> entries.add(coldEntry(scenario, samples)));
    double ratio = (double) total(runs.get("api")).median() / total(runs.get("lower")).median();
    line(String.format(Locale.ROOT, "cold api / lower layers (medians, gather->DTLS): %.2f",
        ratio));
    report.json("\"cold\": {\"scenarios\": [" + String.join(", ", entries)
        + String.format(Locale.ROOT, "], \"apiOverLowerMedian\": %.3f}", ratio));
  }

  private static Map<String, Long> fork(String scenario) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java));
    String logging = System.getProperty("java.util.logging.config.file");
    if (logging != null) {
      command.add("-Djava.util.logging.config.file=" + logging);
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"),
        ApiBench.class.getName(), "--child", scenario));
    OpenSslDtlsHarness.Result result = OpenSslDtlsHarness.execute(command, CHILD_TIMEOUT_SECONDS);
    if (result.exitCode() != 0) {
      throw new IOException(scenario + " fork failed (" + result.exitCode() + "): "
          + result.output());
    }
    return result.output().lines().filter(l -> l.matches("[a-z_]+=\\d+"))
        .collect(Collectors.toMap(l -> l.substring(0, l.indexOf('=')),
            l -> Long.parseLong(l.substring(l.indexOf('=') + 1))));
  }

  private String coldEntry(String scenario, List<Map<String, Long>> samples) {
    SampleSummary main = SampleSummary.of(column(samples, "main_entry_ms", 1_000_000));
    SampleSummary setup = SampleSummary.of(column(samples, "setup_ns", 1));
    SampleSummary ice = SampleSummary.of(column(samples, "ice_ns", 1));
    SampleSummary dtls = SampleSummary.of(column(samples, "dtls_ns", 1));
    SampleSummary total = total(samples);
    line(String.format(Locale.ROOT, "%-6s %-22s %-22s %-22s %-22s %-22s", scenario,
        main.toMillis(), setup.toMillis(), ice.toMillis(), dtls.toMillis(), total.toMillis()));
    return "{\"scenario\": " + quote(scenario) + ", \"mainEntered\": " + main.toJson()
        + ", \"setup\": " + setup.toJson() + ", \"ice\": " + ice.toJson() + ", \"dtls\": "
        + dtls.toJson() + ", \"total\": " + total.toJson() + "}";
  }

  private static long[] column(List<Map<String, Long>> samples, String key, long scale) {
    return samples.stream().mapToLong(s -> s.get(key) * scale).toArray();
  }

  private static SampleSummary total(List<Map<String, Long>> samples) {
    return SampleSummary.of(samples.stream()
        .mapToLong(s -> s.get("ice_ns") + s.get("dtls_ns")).toArray());
  }

  // Connect, warm

  private void warm() throws Exception {
    for (int i = 0; i < option("warmup"); i++) {
      connectApi();
      connectLower();
    }
    List<ConnectTimes> api = new ArrayList<>();
    List<ConnectTimes> lower = new ArrayList<>();
    for (int i = 0; i < option("runs"); i++) { // interleaved: the machine's load drifts
      api.add(connectApi());
      lower.add(connectLower());
    }
    line("");
    line("Warm: " + option("runs") + " connections each after " + option("warmup")
        + " each of warm-up, interleaved; median (p10–p90) ms");
    line(String.format(Locale.ROOT, "%-6s %-22s %-22s %-22s", "", "gather->ICE", "ICE->DTLS",
        "gather->DTLS"));
    String apiJson = warmEntry("api", api);
    String lowerJson = warmEntry("lower", lower);
    double ratio = (double) summary(api, ConnectTimes::totalNanos).median()
        / summary(lower, ConnectTimes::totalNanos).median();
    double p90Ratio = (double) summary(api, ConnectTimes::totalNanos).p90()
        / summary(lower, ConnectTimes::totalNanos).p90();
    line(String.format(Locale.ROOT, "warm api / lower layers, gather->DTLS: median %.2f, "
        + "p90 %.2f", ratio, p90Ratio));
    long apiRetransmits = api.stream().filter(ApiBench::retransmitted).count();
    long lowerRetransmits = lower.stream().filter(ApiBench::retransmitted).count();
    line(String.format(Locale.ROOT, "connections whose DTLS part took over %d ms (a lost flight "
        + "waits for the 1 s retransmission): api %d, lower %d of %d", RETRANSMIT_MS,
        apiRetransmits, lowerRetransmits, api.size()));
    report.json("\"warm\": {\"scenarios\": [" + apiJson + ", " + lowerJson + String.format(
        Locale.ROOT, "], \"apiOverLowerMedian\": %.3f, \"apiOverLowerP90\": %.3f, "
        + "\"dtlsOver%dMs\": {\"api\": %d, \"lower\": %d}}", ratio, p90Ratio, RETRANSMIT_MS,
        apiRetransmits, lowerRetransmits));
  }

  private static boolean retransmitted(ConnectTimes times) {
    return times.dtlsNanos() > RETRANSMIT_MS * 1_000_000L;
  }

  private static ConnectTimes connectApi() throws Exception {
    try (ApiCallPair pair = new ApiCallPair(settings())) {
      return pair.connect();
    }
  }

  private static ConnectTimes connectLower() throws Exception {
    try (LowerLayersConnect lower = new LowerLayersConnect(settings().iceConfig())) {
      return lower.connect();
    }
  }

  private String warmEntry(String scenario, List<ConnectTimes> samples) {
    SampleSummary ice = summary(samples, ConnectTimes::iceNanos);
    SampleSummary dtls = summary(samples, ConnectTimes::dtlsNanos);
    SampleSummary total = summary(samples, ConnectTimes::totalNanos);
    line(String.format(Locale.ROOT, "%-6s %-22s %-22s %-22s", scenario, ice.toMillis(),
        dtls.toMillis(), total.toMillis()));
    return "{\"scenario\": " + quote(scenario) + ", \"ice\": " + ice.toJson() + ", \"dtls\": "
        + dtls.toJson() + ", \"total\": " + total.toJson() + "}";
  }

  private static SampleSummary summary(List<ConnectTimes> samples,
      java.util.function.ToLongFunction<ConnectTimes> part) {
    return SampleSummary.of(samples.stream().mapToLong(part).toArray());
  }

  // Media

  private void media() throws Exception {
    List<String> entries = new ArrayList<>();
    for (SrtpProfile profile : PROFILES) {
      line("");
      double reference = new SrtpRoundTrip(profile).medianRate(3, 1);
      line(String.format(Locale.ROOT, "%s: SRTP protect+unprotect alone, one thread, %d-byte "
          + "payload: %.0f packets/s (median of 3 × 1 s)", profile, MediaThroughput.PAYLOAD,
          reference));
      try (ApiCallPair pair = new ApiCallPair(settings(option("read-queue"), profile))) {
        pair.connect();
        MediaThroughput media = new MediaThroughput(pair);
        try {
          media.run(25_000, 3, true); // untimed: JIT, socket buffers
          long both = search(media, true, reference, profile);
          long one = search(media, false, reference, profile);
          int atGoal = goalRuns(media, profile);
          entries.add(mediaEntry(profile, reference, both, one).replaceFirst("}$",
              String.format(Locale.ROOT, ", \"goalPerDirection\": %d, \"goalRuns\": %d, "
                  + "\"goalRunsLossless\": %d}", GOAL, option("goal-runs"), atGoal)));
        } finally {
          media.close();
        }
      }
    }
    report.json("\"media\": [" + String.join(", ", entries) + "]");
  }

  // Read queue comparison

  /**
   * Both ways at 50k and 75k packets/s per direction, alternating run by run between a pair
   * with the default read queue and one with {@code --compare-read-queue}, so that both see
   * the same machine load.
   */
  private void compareReadQueues() throws Exception {
    int other = option("compare-read-queue");
    List<String> entries = new ArrayList<>();
    for (SrtpProfile profile : PROFILES) {
      line("");
      try (ApiCallPair standard = new ApiCallPair(settings(0, profile));
          ApiCallPair larger = new ApiCallPair(settings(other, profile))) {
        standard.connect();
        larger.connect();
        MediaThroughput a = new MediaThroughput(standard);
        MediaThroughput b = new MediaThroughput(larger);
        try {
          a.run(25_000, 3, true); // untimed: JIT, socket buffers
          b.run(25_000, 3, true);
          for (long rate : new long[] {GOAL, 75_000}) {
            entries.add(compareAt(profile, rate, a, b, other));
          }
        } finally {
          a.close();
          b.close();
        }
      }
    }
    report.json("\"readQueueComparison\": [" + String.join(", ", entries) + "]");
  }

  private String compareAt(SrtpProfile profile, long rate, MediaThroughput standard,
      MediaThroughput larger, int other) throws Exception {
    int defaultLossless = 0;
    int otherLossless = 0;
    List<String> runs = new ArrayList<>();
    for (int i = 0; i < option("goal-runs"); i++) {
      defaultLossless += paced(standard, rate, true, "queue default", runs).lossless() ? 1 : 0;
      otherLossless += paced(larger, rate, true, "queue " + other, runs).lossless() ? 1 : 0;
    }
    line(String.format(Locale.ROOT, "%s both ways at %d/s per direction, lossless runs: read "
        + "queue default %d of %d, read queue %d %d of %d", profile, rate, defaultLossless,
        option("goal-runs"), other, otherLossless, option("goal-runs")));
    return String.format(Locale.ROOT, "{\"profile\": \"%s\", \"perDirection\": %d, "
        + "\"runs\": %d, \"losslessDefault\": %d, \"otherQueue\": %d, "
        + "\"losslessOther\": %d, \"details\": [%s]}", profile, rate, option("goal-runs"),
        defaultLossless, other, otherLossless, String.join(", ", runs));
  }

  /** Runs at the goal rate both ways; returns how many lost nothing. */
  private int goalRuns(MediaThroughput media, SrtpProfile profile) throws Exception {
    List<String> runs = new ArrayList<>();
    int lossless = 0;
    ThreadCpu cpu = ThreadCpu.start();
    for (int i = 0; i < option("goal-runs"); i++) {
      lossless += paced(media, GOAL, true, "goal, both ways", runs).lossless() ? 1 : 0;
    }
    line("  cpu by thread over the goal runs, cores: " + cpu.coresByGroup());
    line(String.format(Locale.ROOT, "%s at the goal (%d/s per direction, both ways): lossless "
        + "in %d of %d runs", profile, GOAL, lossless, option("goal-runs")));
    report.json(String.format(Locale.ROOT, "\"runs_%s_goal\": [%s]", profile,
        String.join(", ", runs)));
    return lossless;
  }

  /** Rising paced rates until one loses twice; returns the highest lossless rate (0: none). */
  private long search(MediaThroughput media, boolean bothWays, double reference,
      SrtpProfile profile) throws Exception {
    String mode = bothWays ? "both ways" : "one way";
    long best = 0;
    List<String> runs = new ArrayList<>();
    for (long rate : RATES) {
      MediaThroughput.Run run = paced(media, rate, bothWays, mode, runs);
      if (!run.lossless()) {
        run = paced(media, rate, bothWays, mode + " (again)", runs);
      }
      if (!run.lossless()) {
        break;
      }
      best = rate;
    }
    line(String.format(Locale.ROOT, "%s %s: highest lossless paced rate %d packets/s per "
        + "direction; / SRTP alone: %.2f", profile, mode, best, best / reference));
    report.json(String.format(Locale.ROOT, "\"runs_%s_%s\": [%s]", profile,
        bothWays ? "both" : "one", String.join(", ", runs)));
    return best;
  }

  private MediaThroughput.Run paced(MediaThroughput media, long rate, boolean bothWays,
      String mode, List<String> runs) throws Exception {
    MediaThroughput.Run run = media.run(rate, Double.parseDouble(options.get("media-seconds")),
        bothWays);
    for (MediaThroughput.Direction d : run.directions()) {
      line(String.format(Locale.ROOT, "  %-18s %7d/s: %s; cpu %.2f cores%s", mode, rate,
          d.describe(), run.cpuCores(), d.keptPace() ? "" : " [sender behind its pace]"));
      runs.add(d.toJson().replaceFirst("}$", String.format(Locale.ROOT,
          ", \"cpuCores\": %.2f}", run.cpuCores())));
    }
    return run;
  }

  private static String mediaEntry(SrtpProfile profile, double reference, long both,
      long one) {
    return String.format(Locale.ROOT, "{\"profile\": \"%s\", \"payloadBytes\": %d, "
        + "\"srtpRoundTripPerSecond\": %.0f, \"losslessBothWaysPerDirection\": %d, "
        + "\"losslessOneWay\": %d, \"bothWaysOverSrtp\": %.3f, \"oneWayOverSrtp\": %.3f}",
        profile, MediaThroughput.PAYLOAD, reference, both, one, both / reference,
        one / reference);
  }

  // Output

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
