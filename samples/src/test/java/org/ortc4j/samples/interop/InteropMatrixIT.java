package org.ortc4j.samples.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.ortc4j.samples.interop.InteropDriver.Peer;
import org.ortc4j.samples.interop.InteropDriver.Result;
import org.ortc4j.samples.interop.InteropDriver.Side;

/**
 * The interop matrix of the samples issue: the ortc4j peer CLI against itself and against our
 * werift peer (interop/werift), each way round (which process is A), with ortc4j ICE
 * controlling and controlled, ortc4j's DTLS role auto, client and server, and werift offering
 * SRTP {@code gcm,cm} or {@code cm}. Every run must end with both exit codes 0, all 50 packets
 * received with their payloads on both sides, and the remote's RR and PLI seen on both sides.
 * The table of runs is written to {@code interop/results/summary.md}.
 */
class InteropMatrixIT {
  private static final int COUNT = 50;
  private static final Duration RUN_TIMEOUT = Duration.ofSeconds(60);
  private static final Path PEER_JAR = Path.of(System.getProperty("ortc4j.peer.jar",
      "target/ortc4j-peer.jar"));
  private static final Path INTEROP = Path.of(System.getProperty("ortc4j.interop.dir",
      "../interop"));
  private static final Path WERIFT = INTEROP.resolve("werift");

  /** One cell of the matrix. */
  record Run(String a, String b, String ortc4jIce, String ortc4jDtls, String weriftSrtp) {
    boolean withWerift() {
      return !"ortc4j".equals(a) || !"ortc4j".equals(b);
    }

    String label() {
      return a + "<->" + b + " ortc4j-ice=" + ortc4jIce + " ortc4j-dtls=" + ortc4jDtls
          + (withWerift() ? " werift-srtp=" + weriftSrtp : "");
    }
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.MINUTES)
  void everyPairConnectsAndExchangesAllPacketsAndRtcpBothWays() throws Exception {
    assertThat(PEER_JAR).as("build it with mvn package").isRegularFile();
    assertThat(WERIFT.resolve("node_modules/werift"))
        .as("werift is not installed: run npm ci --prefix interop/werift").isDirectory();
    List<Run> runs = matrix();
    ExecutorService pool = Executors.newFixedThreadPool(2); // 4 peers at once on 2 cores
    List<Future<Result>> futures = new ArrayList<>();
    try {
      for (int i = 0; i < runs.size(); i++) {
        Run run = runs.get(i);
        Path logs = Path.of("target", "interop", String.format("%02d", i + 1));
        futures.add(pool.submit(() -> InteropDriver.run(peerA(run), peerB(run), RUN_TIMEOUT,
            logs)));
      }
      List<Result> results = new ArrayList<>();
      for (Future<Result> future : futures) {
        results.add(future.get(RUN_TIMEOUT.toSeconds() * runs.size(), TimeUnit.SECONDS));
      }
      List<String> problems = new ArrayList<>();
      for (int i = 0; i < runs.size(); i++) {
        problems.addAll(check(runs.get(i), results.get(i)));
      }
      Summary.write(INTEROP.resolve("results/summary.md"), runs, results, problems);
      assertThat(problems).as("runs that did not do everything").isEmpty();
    } finally {
      pool.shutdownNow();
    }
  }

  /** 6 ortc4j<->ortc4j runs, 12 with ortc4j as A and werift as B, 12 the other way. */
  static List<Run> matrix() {
    List<Run> runs = new ArrayList<>();
    for (String ice : List.of("controlling", "controlled")) {
      for (String dtls : List.of("auto", "client", "server")) {
        runs.add(new Run("ortc4j", "ortc4j", ice, dtls, "-"));
      }
    }
    for (List<String> order : List.of(List.of("ortc4j", "werift"), List.of("werift", "ortc4j"))) {
      for (String ice : List.of("controlling", "controlled")) {
        for (String dtls : List.of("auto", "client", "server")) {
          for (String srtp : List.of("gcm,cm", "cm")) {
            runs.add(new Run(order.get(0), order.get(1), ice, dtls, srtp));
          }
        }
      }
    }
    return runs;
  }

  /** A is the ortc4j peer whose roles the cell names when it is ortc4j. */
  private static Peer peerA(Run run) {
    return "ortc4j".equals(run.a()) ? ortc4j("A", run.ortc4jIce(), run.ortc4jDtls(), 1111)
        : werift("A", opposite(run.ortc4jIce()), run.weriftSrtp(), 1111);
  }

  private static Peer peerB(Run run) {
    if ("ortc4j".equals(run.b())) {
      boolean bothOrtc4j = "ortc4j".equals(run.a());
      return ortc4j("B", bothOrtc4j ? opposite(run.ortc4jIce()) : run.ortc4jIce(),
          bothOrtc4j ? "auto" : run.ortc4jDtls(), 2222);
    }
    return werift("B", opposite(run.ortc4jIce()), run.weriftSrtp(), 2222);
  }

  private static Peer ortc4j(String name, String ice, String dtls, long ssrc) {
    String java = ProcessHandle.current().info().command().orElse("java");
    return new Peer(name, List.of(java, "-jar", PEER_JAR.toAbsolutePath().toString(),
        "--ice-role", ice, "--dtls-role", dtls, "--ssrc", Long.toString(ssrc),
        "--count", Integer.toString(COUNT), "--timeout", "30"));
  }

  private static Peer werift(String name, String ice, String srtp, long ssrc) {
    return new Peer(name, List.of("node", WERIFT.resolve("peer.mjs").toAbsolutePath().toString(),
        "--ice-role", ice, "--srtp", srtp, "--ssrc", Long.toString(ssrc),
        "--count", Integer.toString(COUNT), "--timeout", "30"));
  }

  private static String opposite(String iceRole) {
    return "controlling".equals(iceRole) ? "controlled" : "controlling";
  }

  /** What a run failed to do, as readable lines (empty when it did everything). */
  static List<String> check(Run run, Result result) throws IOException {
    List<String> problems = new ArrayList<>();
    checkSide(run, result.a(), result.b(), problems);
    checkSide(run, result.b(), result.a(), problems);
    String profileA = profile(result.a());
    String profileB = profile(result.b());
    if (!Objects.equals(profileA, profileB)) {
      problems.add(run.label() + ": SRTP profiles differ: " + profileA + " / " + profileB);
    }
    if ("cm".equals(run.weriftSrtp()) && !"SRTP_AES128_CM_HMAC_SHA1_80".equals(profileA)) {
      problems.add(run.label() + ": werift offered only CM_80 but " + profileA + " was chosen");
    }
    return problems;
  }

  private static void checkSide(Run run, Side side, Side remote, List<String> problems)
      throws IOException {
    String who = run.label() + " side " + side.name();
    if (side.exit() != 0) {
      problems.add(who + ": exit " + side.exit() + ", last events " + last(side, 3)
          + ", stderr: " + tail(side.stderr()));
      return;
    }
    List<Object> payloads = side.all("rtp").stream().map(e -> e.get("payload")).toList();
    List<String> expected = IntStream.range(0, COUNT).mapToObj(i -> "ping " + i).toList();
    if (payloads.size() != COUNT || !payloads.containsAll(expected)) {
      problems.add(who + ": received " + payloads.size() + " RTP packets, not ping 0..49");
    }
    List<Object> rtcp = side.all("rtcp").stream().map(e -> e.get("name")).toList();
    if (!rtcp.contains("RR") || !rtcp.contains("PLI")) {
      problems.add(who + ": RTCP seen " + rtcp + ", expected RR and PLI");
    }
    if (side.events().isEmpty() || !"done".equals(side.events().get(side.events().size() - 1)
        .get("event"))) {
      problems.add(who + ": last event is not done: " + last(side, 1));
    }
    if (remote.signal() == null || side.all("dtls-connected").size() != 1) {
      problems.add(who + ": no dtls-connected event");
    }
  }

  static String profile(Side side) {
    return side.all("dtls-connected").stream().map(e -> (String) e.get("srtpProfile"))
        .findFirst().orElse(null);
  }

  private static List<Map<String, Object>> last(Side side, int n) {
    List<Map<String, Object>> events = side.events();
    return events.subList(Math.max(0, events.size() - n), events.size());
  }

  private static String tail(Path file) throws IOException {
    if (!Files.exists(file)) {
      return "";
    }
    List<String> lines = Files.readAllLines(file);
    return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
  }

  /** The markdown table the README links. */
  static final class Summary {
    private Summary() {}

    static void write(Path file, List<Run> runs, List<Result> results, List<String> problems)
        throws IOException {
      StringBuilder md = new StringBuilder();
      md.append("# Interop matrix: ortc4j peer CLI vs itself and werift\n\n");
      md.append("Written by `InteropMatrixIT` (samples, `mvn verify`) on ").append(LocalDate.now())
          .append(": Java ").append(System.getProperty("java.version")).append(", ")
          .append(version("node", "--version")).append(", werift ")
          .append(weriftVersion()).append(". Each pair ran ")
          .append(results.stream().allMatch(Result::namespaced)
              ? "in a network namespace of its own (only `lo`)" : "on the host's loopback")
          .append("; 50 RTP packets each way, then RR + PLI. Handshake = ms from the remote "
              + "signal to DTLS connected, as each side reported it.\n\n");
      md.append("| # | A | B | ortc4j ICE | ortc4j DTLS | werift SRTP offer | outcome | SRTP profile"
          + " | ICE roles A / B | DTLS roles A / B | handshake ms A / B | run ms |\n");
      md.append("|--:|---|---|---|---|---|---|---|---|---|--:|--:|\n");
      for (int i = 0; i < runs.size(); i++) {
        Run run = runs.get(i);
        Result r = results.get(i);
        String label = run.label();
        boolean ok = problems.stream().noneMatch(p -> p.startsWith(label + " ")
            || p.startsWith(label + ":"));
        md.append(String.format(
            "| %d | %s | %s | %s | %s | %s | %s | %s | %s / %s | %s / %s | %s / %s | %d |%n",
            i + 1, run.a(), run.b(), run.ortc4jIce(), run.ortc4jDtls(), run.weriftSrtp(),
            ok ? "pass" : "**FAIL**", profile(r.a()), field(r.a(), "iceRole"),
            field(r.b(), "iceRole"), field(r.a(), "dtlsRole"),
            field(r.b(), "dtlsRole"), field(r.a(), "msSinceRemoteSignal"),
            field(r.b(), "msSinceRemoteSignal"), r.millis()));
      }
      md.append("\n").append(runs.size() - failed(runs, problems)).append(" of ")
          .append(runs.size()).append(" runs passed.\n");
      if (!problems.isEmpty()) {
        md.append("\nProblems:\n\n");
        problems.forEach(p -> md.append("- ").append(p).append('\n'));
      }
      Files.createDirectories(file.getParent());
      Files.writeString(file, md);
    }

    private static long failed(List<Run> runs, List<String> problems) {
      return runs.stream().filter(run -> problems.stream()
          .anyMatch(p -> p.startsWith(run.label() + " ") || p.startsWith(run.label() + ":")))
          .count();
    }

    private static Object field(Side side, String name) {
      return side.all("dtls-connected").stream().map(e -> e.get(name)).findFirst().orElse("-");
    }

    private static String weriftVersion() throws IOException {
      Path pkg = WERIFT.resolve("node_modules/werift/package.json");
      String text = Files.readString(pkg);
      int at = text.indexOf("\"version\"");
      return text.substring(text.indexOf('"', at + 10) + 1, text.indexOf('"', text.indexOf('"', at + 10) + 1));
    }

    private static String version(String... command) {
      try {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        p.waitFor(10, TimeUnit.SECONDS);
        return command[0] + " " + out;
      } catch (IOException | InterruptedException e) {
        return command[0] + " (version unknown)";
      }
    }
  }
}
