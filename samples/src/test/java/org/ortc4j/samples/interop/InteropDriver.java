package org.ortc4j.samples.interop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.ortc4j.samples.signal.EventJson;

/**
 * Runs two peer commands that speak shared/signal.md's CLI contract against each other: line 1
 * of each one's stdout goes to the other's stdin, every later line is collected as an event,
 * stderr goes to a log file. As root (and with {@code ip} present) each pair runs in a network
 * namespace of its own whose only interface is {@code lo}, so nothing can leave it; otherwise
 * on the host's loopback (recorded in the result).
 */
final class InteropDriver {
  private static final AtomicInteger RUNS = new AtomicInteger();

  /** A peer to start: a name for logs and its command line. */
  record Peer(String name, List<String> command) {}

  /** What one side did: its exit code (-1 if killed), its signal line and its events. */
  record Side(String name, int exit, String signal, List<Map<String, Object>> events,
      Path stderr) {
    /** The events named {@code event}. */
    List<Map<String, Object>> all(String event) {
      return events.stream().filter(e -> event.equals(e.get("event"))).toList();
    }
  }

  /** Both sides of one run, and whether it ran in a namespace of its own. */
  record Result(Side a, Side b, boolean namespaced, long millis) {}

  private InteropDriver() {}

  /** Whether runs get a network namespace: root, and iproute2 installed. */
  static boolean namespaces() {
    return "root".equals(System.getProperty("user.name"))
        && (Files.isExecutable(Path.of("/usr/sbin/ip")) || Files.isExecutable(Path.of("/sbin/ip"))
            || Files.isExecutable(Path.of("/usr/bin/ip")));
  }

  /**
   * Runs {@code a} and {@code b} to their end, or kills both after {@code timeout}.
   *
   * @param logs where each side's stderr is written
   */
  static Result run(Peer a, Peer b, Duration timeout, Path logs) throws Exception {
    Files.createDirectories(logs);
    boolean namespaced = namespaces();
    String netns = "ortc4j-" + ProcessHandle.current().pid() + "-" + RUNS.incrementAndGet();
    long start = System.nanoTime();
    if (namespaced) {
      exec("ip", "netns", "add", netns);
    }
    try {
      if (namespaced) {
        exec("ip", "-n", netns, "link", "set", "lo", "up");
      }
      Running ra = new Running(a, namespaced ? netns : null, logs);
      Running rb = new Running(b, namespaced ? netns : null, logs);
      ra.signal.thenAccept(rb::tell);
      rb.signal.thenAccept(ra::tell);
      long deadline = System.nanoTime() + timeout.toNanos();
      Side sa = ra.await(deadline);
      Side sb = rb.await(deadline);
      return new Result(sa, sb, namespaced,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    } finally {
      if (namespaced) {
        exec("ip", "netns", "delete", netns);
      }
    }
  }

  private static void exec(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IOException(String.join(" ", command) + " failed: " + out);
    }
  }

  /** One started peer: stdout read on a thread of its own, stdin kept for the remote line. */
  private static final class Running {
    final Peer peer;
    final Process process;
    final CompletableFuture<String> signal = new CompletableFuture<>();
    final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    final Thread reader;
    final Path stderr;

    Running(Peer peer, String netns, Path logs) throws IOException {
      this.peer = peer;
      List<String> command = new ArrayList<>();
      if (netns != null) {
        command.addAll(List.of("ip", "netns", "exec", netns));
      }
      command.addAll(peer.command());
      this.stderr = logs.resolve(peer.name() + ".stderr.log");
      this.process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
      this.reader = new Thread(this::read, "interop-" + peer.name());
      reader.setDaemon(true);
      reader.start();
    }

    private void read() {
      try (BufferedReader out = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String first = out.readLine();
        signal.complete(first);
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          lines.add(line);
        }
      } catch (IOException e) {
        signal.complete(null); // the process went; its exit code tells the rest
      }
    }

    void tell(String remoteSignal) {
      if (remoteSignal == null) {
        return;
      }
      try {
        OutputStream in = process.getOutputStream();
        in.write((remoteSignal + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
      } catch (IOException e) {
        // the peer exited before its remote spoke: its own events say why
      }
    }

    Side await(long deadlineNanos) throws Exception {
      long left = Math.max(0, deadlineNanos - System.nanoTime());
      int exit = -1;
      if (process.waitFor(left, TimeUnit.NANOSECONDS)) {
        exit = process.exitValue();
      } else {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
      reader.join(TimeUnit.SECONDS.toMillis(10));
      List<Map<String, Object>> events = new ArrayList<>();
      for (String line : List.copyOf(lines)) {
        try {
          events.add(EventJson.parse(line));
        } catch (Exception notJson) {
          events.add(Map.of("event", "unparsable", "line", line));
        }
      }
      return new Side(peer.name(), exit, signal.getNow(null), events, stderr);
    }
  }
}
